"""The cloud side: runs the first k denoising steps of the large UNet on a candidate group."""

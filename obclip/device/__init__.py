"""The device side: keeps the real candidate's latent, finishes with the small UNet, decodes."""

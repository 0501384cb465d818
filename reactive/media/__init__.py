"""Media conversions (images now; audio and video through ffmpeg in their own modules)."""

"""Streaming inputs: a microphone level meter and a webcam mirror.

Press Record under "Microphone": every quarter of a second the function gets just that chunk of
sound as ``(rate, int16 samples)`` and the page shows its level as it records. Press Record
under "Camera": every frame goes to the function as a 320×240 numpy array and comes back
mirrored; a slow function would see only the newest frame. Stop ends the stream; the camera
stops by itself after 30 s. Run it with ``reactive run demos/live_capture.py`` and open it at
http://localhost:8000 (the browser allows the microphone and camera only on a secure origin).
"""

from typing import Any

import numpy as np

import reactive as rx

app = rx.App(title="Live capture")

with app.row():
    microphone = rx.Audio(
        sources=["microphone"], streaming=True, type="numpy", label="Microphone", elem_id="mic"
    )
    meter = rx.Label(label="Level", elem_id="level")


@app.fn(inputs=microphone, outputs=meter, stream_every=0.25)
def level(chunk: tuple[int, np.ndarray[Any, Any]]) -> dict[str, Any]:
    """The chunk's loudness in dBFS, as a bar from -60 dB (silence) to 0 dB (full scale)."""
    _, samples = chunk
    rms = float(np.sqrt(np.mean(samples.astype(np.float64) ** 2))) / 32768 if samples.size else 0.0
    db = 20 * np.log10(max(rms, 1e-6))
    return {"label": f"{db:.0f} dBFS", "confidences": [
        {"label": "level", "confidence": float(min(1.0, max(0.0, (db + 60) / 60)))},
    ]}  # fmt: skip


with app.row():
    camera = rx.Image(sources=["webcam"], streaming=True, label="Camera", elem_id="cam")
    mirrored = rx.Image(label="Mirror", elem_id="mirror")


@app.fn(inputs=camera, outputs=mirrored, stream_every=1 / 25, time_limit=30)
def mirror(frame: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The frame flipped left to right."""
    return frame[:, ::-1]

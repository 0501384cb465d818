"""The seed's fake diffusion, as in Gradio's classic demo: noisy images, then an orange one."""

import time

import numpy as np

import reactive as gr


def fake_diffusion(steps):  # type: ignore[no-untyped-def]
    rng = np.random.default_rng()
    for _ in range(steps):
        time.sleep(0.3)
        image = rng.random(size=(600, 600, 3))
        yield image
    image = np.ones((600, 600, 3), np.uint8)
    image[:] = [255, 124, 0]
    yield image


demo = gr.Interface(fake_diffusion, inputs=gr.Slider(1, 10, 3, step=1), outputs="image")

if __name__ == "__main__":
    demo.launch()

"""An Audio output from (rate, samples): Beep shows a sound."""

import numpy as np

import reactive as gr

with gr.Blocks() as demo:
    sound = gr.Audio(label="Beep", elem_id="sound")

    def beep():
        t = np.linspace(0, 0.1, 1600, endpoint=False)
        return 16000, (np.sin(2 * np.pi * 440 * t) * 10000).astype(np.int16)

    gr.Button("Beep", elem_id="beep").click(beep, None, sound)

CHECK = [("click", "beep"), ("expect_set", "sound")]

"""The seed's streaming audio example, as written for Gradio: a recorded clip, played 10 times.

Each yield is one chunk of a single stream; the chunks play back to back.
"""

from time import sleep

import reactive as gr


def keep_repeating(audio_file):  # type: ignore[no-untyped-def]
    for _ in range(10):
        sleep(0.5)
        yield audio_file


demo = gr.Interface(
    keep_repeating,
    gr.Audio(sources=["microphone"], type="filepath"),
    gr.Audio(streaming=True, autoplay=True),
)

if __name__ == "__main__":
    demo.launch()

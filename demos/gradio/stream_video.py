"""The seed's streaming video example, as written for Gradio: a webcam clip, played 10 times.

Each yield (an .mp4 or H.264 .ts file) is one chunk of a single stream, played in order.
"""

from time import sleep

import reactive as gr


def keep_playing(video_file):  # type: ignore[no-untyped-def]
    for _ in range(10):
        sleep(0.5)
        yield video_file


demo = gr.Interface(
    keep_playing,
    gr.Video(sources=["webcam"], format="mp4"),
    gr.Video(streaming=True, autoplay=True),
)

if __name__ == "__main__":
    demo.launch()

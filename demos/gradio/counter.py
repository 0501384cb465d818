"""The seed's counting generator, as a Gradio app: every yielded number shows at once."""

import time

import reactive as gr


def count(x):  # type: ignore[no-untyped-def]
    for i in range(x):
        time.sleep(0.2)
        yield i


demo = gr.Interface(count, gr.Number(5), gr.Number())

if __name__ == "__main__":
    demo.launch()

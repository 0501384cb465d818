"""Gradio's first example: greet a name."""

import reactive as gr


def greet(name, intensity):  # type: ignore[no-untyped-def]
    return "Hello, " + name + "!" * int(intensity)


demo = gr.Interface(
    fn=greet,
    inputs=["text", "slider"],
    outputs=["text"],
)

if __name__ == "__main__":
    demo.launch()

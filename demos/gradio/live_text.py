"""A live Gradio app: the text is reversed and counted on every keystroke."""

import reactive as gr


def reverse(text):  # type: ignore[no-untyped-def]
    return text[::-1], {"characters": len(text), "words": len(text.split())}


demo = gr.Interface(
    fn=reverse,
    inputs=gr.Textbox(placeholder="Type here…", label="Text"),
    outputs=[gr.Textbox(label="Reversed"), "json"],
    live=True,
    title="Live text",
)

if __name__ == "__main__":
    demo.launch()

"""The workloads as a Gradio user writes them: Blocks, event listeners, generators for streams.

Run as Gradio's users run it: ``python gradio_app.py``.
"""

import time

import gradio as gr
import peer_common as common


def shout(text: str) -> str:
    return text.upper()


def slow_upper(text: str) -> str:
    common.count(b"s")
    time.sleep(common.SLOW_SECONDS)
    common.count(b"f")
    return text.upper()


def stream():
    text = common.run_tag()
    for token in common.tokens():
        text += token
        yield text


def images():
    yield from common.noise()


def paced_images():
    for image in common.noise():
        yield image
        time.sleep(common.PACE_SECONDS)


with gr.Blocks(title="bench") as demo:
    key_in = gr.Textbox(label="key", elem_id="key_in")
    key_out = gr.Textbox(label="upper", elem_id="key_out")
    key_in.change(shout, key_in, key_out)

    typing_in = gr.Textbox(label="typing", elem_id="typing_in")
    typing_out = gr.Textbox(label="slow upper", elem_id="typing_out")
    typing_in.change(slow_upper, typing_in, typing_out)

    stream_out = gr.Textbox(label="stream", elem_id="stream_out")
    gr.Button("Stream", elem_id="stream_go").click(stream, None, stream_out)

    images_out = gr.Image(label="images", elem_id="images_out")
    gr.Button("Images", elem_id="images_go").click(images, None, images_out)
    gr.Button("Paced images", elem_id="images_paced_go").click(paced_images, None, images_out)

if __name__ == "__main__":
    demo.launch(server_name=common.HOST, server_port=common.PORT)

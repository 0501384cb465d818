"""Gradio's webcam .stream without streaming=True: gr.Image(sources='webcam').stream(...) streams;
a frame of 3x2 pixels shows '3x2'."""

import reactive as gr

with gr.Blocks() as demo:
    camera = gr.Image(sources="webcam", label="Camera", elem_id="camera")
    size = gr.Textbox(label="Size", elem_id="size")
    camera.stream(
        lambda frame: f"{frame.shape[1]}x{frame.shape[0]}", camera, size, stream_every=0.1
    )

CHECK = [("webcam_frame", "camera", 3, 2), ("expect", "size", "3x2")]

"""image.upload and .clear: uploading a 3x2 PNG shows 'got 3x2', clearing shows 'cleared'."""

import reactive as gr

with gr.Blocks() as demo:
    picture = gr.Image(label="Picture", elem_id="picture")
    said = gr.Textbox(label="Said", elem_id="said")
    picture.upload(lambda img: f"got {img.shape[1]}x{img.shape[0]}", picture, said)
    picture.clear(lambda: "cleared", None, said)

CHECK = [
    ("input", "picture", ("png", 3, 2)),
    ("expect", "said", "got 3x2"),
    ("input", "picture", None),
    ("expect", "said", "cleared"),
]

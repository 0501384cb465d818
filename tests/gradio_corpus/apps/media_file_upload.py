"""A File input: uploading notes.txt (5 bytes) shows 'notes.txt: 5 bytes'."""

import os

import reactive as gr

with gr.Blocks() as demo:
    upload = gr.File(label="File", elem_id="upload")
    said = gr.Textbox(label="Said", elem_id="said")

    def describe(path):
        return f"{os.path.basename(path)}: {os.path.getsize(path)} bytes"

    upload.upload(describe, upload, said)

CHECK = [
    ("input", "upload", {"mime": "text/plain", "name": "notes.txt", "data": b"hello"}),
    ("expect", "said", "notes.txt: 5 bytes"),
]

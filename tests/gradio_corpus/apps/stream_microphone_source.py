"""Gradio's microphone .stream without streaming=True: gr.Audio(sources=['microphone']);
a chunk starting at 5 shows 'chunk 5'."""

import reactive as gr

with gr.Blocks() as demo:
    mic = gr.Audio(sources=["microphone"], elem_id="mic")
    heard = gr.Textbox(label="Heard", elem_id="heard")
    mic.stream(lambda chunk: f"chunk {int(chunk[1][0])}", mic, heard)

CHECK = [("audio_chunk", "mic", [5, 0]), ("expect", "heard", "chunk 5")]

""".stream on a streaming microphone: every chunk calls the function; a chunk starting at 7 shows
'16000:7'.
"""

import reactive as gr

with gr.Blocks() as demo:
    mic = gr.Audio(sources=["microphone"], streaming=True, elem_id="mic")
    level = gr.Textbox(label="Level", elem_id="level")

    def measure(chunk):
        rate, samples = chunk
        return f"{rate}:{int(samples[0])}"

    mic.stream(measure, mic, level, stream_every=0.25, time_limit=30)

CHECK = [("audio_chunk", "mic", [7, 1]), ("expect", "level", "16000:7")]

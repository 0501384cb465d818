"""An async generator streams words into a Textbox: Speak shows 'the quick fox'."""

import asyncio

import reactive as gr

with gr.Blocks() as demo:
    out = gr.Textbox(label="Said", elem_id="out")

    async def speak():
        words = []
        for word in ["the", "quick", "fox"]:
            words.append(word)
            await asyncio.sleep(0.01)
            yield " ".join(words)

    gr.Button("Speak", elem_id="speak").click(speak, None, out)

CHECK = [("click", "speak"), ("expect", "out", "the quick fox")]

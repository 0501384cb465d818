"""cancels=[dep]: Start begins a slow count, Stop cancels it and shows 'stopped'; the count never
reaches 'finished'.
"""

import asyncio

import reactive as gr

with gr.Blocks() as demo:
    status = gr.Textbox(label="Status", elem_id="status")
    start = gr.Button("Start", elem_id="start")
    stop = gr.Button("Stop", elem_id="stop")

    async def slow():
        yield "counting"
        await asyncio.sleep(30)
        yield "finished"

    dep = start.click(slow, None, status)
    stop.click(lambda: "stopped", None, status, cancels=[dep])

CHECK = [
    ("click", "start"),
    ("expect", "status", "counting"),
    ("click", "stop"),
    ("expect", "status", "stopped"),
]

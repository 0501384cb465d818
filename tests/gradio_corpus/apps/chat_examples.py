"""Chatbot examples: clicking the second card ("Tell a joke") puts that message in the chat and
the bot answers 'Ha! (example 1)'; the Option button under the answer shows 'option: More'."""

import reactive as gr

EXAMPLES = [
    {"text": "Summarise this", "display_text": "Summarise", "files": ["report.txt"]},
    {"text": "Tell a joke"},
]

with gr.Blocks() as demo:
    chat = gr.Chatbot(elem_id="chat", placeholder="Pick an example", examples=EXAMPLES)
    picked = gr.Textbox(label="Picked", elem_id="picked")

    def add_example(evt: gr.SelectData, history):
        return [*history, {"role": "user", "content": evt.value["text"]}]

    def respond(history, evt: gr.SelectData):
        answer = {"role": "assistant", "content": f"Ha! (example {evt.index})",
                  "options": [{"value": "More"}]}  # fmt: skip
        return [*history, answer]

    def chose(evt: gr.SelectData):
        return f"option: {evt.value}"

    chat.example_select(add_example, [chat], [chat]).then(respond, chat, chat)
    chat.option_select(chose, None, picked)

ANSWERED = [
    {"role": "user", "content": "Tell a joke"},
    {"role": "assistant", "content": "Ha! (example 1)",
     "options": [{"value": "More", "label": "More"}]},
]  # fmt: skip

CHECK = [
    ("trigger", "chat", "example_select", {"index": 1}),
    ("expect", "chat", ANSWERED),
    ("trigger", "chat", "option_select", {"index": 1, "value": "More"}),
    ("expect", "picked", "option: More"),
]

"""gr.ChatMessage with metadata (a tool-use block with a title): Think adds a message titled
'Using the calculator'.
"""

import reactive as gr

with gr.Blocks() as demo:
    chat = gr.Chatbot(type="messages", elem_id="chat")

    def think():
        return [
            gr.ChatMessage(
                role="assistant",
                content="2 + 2 = 4",
                metadata={"title": "Using the calculator", "status": "done"},
            ),
            gr.ChatMessage(role="assistant", content="The answer is 4."),
        ]

    gr.Button("Think", elem_id="think").click(think, None, chat)

CHECK = [
    ("click", "think"),
    ("expect_has", "chat", "Using the calculator"),
    ("expect_has", "chat", "The answer is 4."),
]

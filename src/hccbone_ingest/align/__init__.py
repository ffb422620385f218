"""zh-en sentence alignment: the encoder, lexical anchors, and the dynamic-programming aligner."""

"""Interface strings and language facts (text direction) for learner pages."""

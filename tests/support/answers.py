"""Answering the quiz of tests/roots/basic as a learner would, with the mouse and the keyboard."""

from __future__ import annotations

RIGHT = {
    "q-puls": "b", "q-vitale": ["a", "b"], "q-tf": "true", "q-ord": "  Bradykardi ", "q-temp": "37,2",
    "q-rekke": {"a": "1", "b": "2", "c": "3"}, "q-koble": {"l0": "r0", "l1": "r1"},
    "q-tanke": "Jeg tenker at puls er viktig.",
}
WRONG = {
    "q-puls": "a", "q-vitale": ["a", "c"], "q-tf": "false", "q-ord": "takykardi", "q-temp": "39",
    "q-rekke": {"a": "3", "b": "2", "c": "1"}, "q-koble": {"l0": "r1", "l1": "r0"}, "q-tanke": "",
}


def answer(page, answers: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    """Fill in answers with the mouse and keyboard as a learner would (in a page or a frame)."""
    for qid, value in answers.items():
        fieldset = page.locator(f"#{qid}")
        kind = fieldset.get_attribute("data-kind")
        if kind in ("single", "truefalse"):
            fieldset.locator(f"input[value='{value}']").check()
        elif kind == "multiple":
            for box in fieldset.locator("input").all():
                box.set_checked(box.get_attribute("value") in value)  # type: ignore[operator]
        elif kind == "ordering":
            put_in_order(fieldset, value)  # type: ignore[arg-type]
        elif kind == "matching":
            for item, choice in value.items():  # type: ignore[attr-defined]
                fieldset.locator(f"select[data-item='{item}']").select_option(choice)
        else:
            fieldset.locator("input, textarea").fill(value)  # type: ignore[arg-type]


def order_of(fieldset) -> list[str]:  # type: ignore[no-untyped-def]
    """The item ids of an ordering question as the list shows them now."""
    return fieldset.locator(".order-item").evaluate_all("items => items.map(li => li.dataset.choice)")


def put_in_order(fieldset, positions: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """Move items to ``positions`` (item -> "1", "2" …; some or all) with their move buttons."""
    for item in sorted(positions, key=lambda each: int(positions[each])):
        place = int(positions[item]) - 1
        while (now := order_of(fieldset).index(item)) != place:
            move = "-1" if now > place else "1"
            fieldset.locator(f".order-item[data-choice='{item}'] .order-move[data-move='{move}']").click()

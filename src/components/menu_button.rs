//! A menu button (the WAI-ARIA "menu button" pattern): a button that opens a
//! short menu of actions, as the toolbar's "Data" and "Share" do.
//!
//! The button says `aria-haspopup="menu"` and `aria-expanded`. Enter, Space
//! or a click opens the menu on its first item, ArrowDown too, ArrowUp on its
//! last. In the menu, the arrows move (wrapping), Home and End go to the ends,
//! Escape closes it and returns focus to the button, Tab closes it and moves
//! on, and a click outside closes it. Choosing an item closes the menu,
//! returns focus to the button, then runs the item's action (which may move
//! the focus on, as a panel that opens does). The key handling is the pure
//! [`button_key`] and [`menu_key`], tested natively.

use web_sys::{Element, HtmlElement, Node};
use yew::prelude::*;

use super::use_ids;
use crate::hooks::use_dismiss;

/// One entry of a [`MenuButton`]'s menu: `MenuItem::new("Export CSV", callback)`.
#[derive(Clone, PartialEq)]
pub struct MenuItem {
    /// What the item says.
    pub label: AttrValue,
    /// What choosing the item does.
    pub on_select: Callback<()>,
}

impl MenuItem {
    /// An item that says `label` and runs `on_select` when chosen.
    pub fn new(label: impl Into<AttrValue>, on_select: Callback<()>) -> MenuItem {
        MenuItem {
            label: label.into(),
            on_select,
        }
    }
}

/// Props of [`MenuButton`].
#[derive(Properties, PartialEq)]
pub struct MenuButtonProps {
    /// The button's text (and so the menu's name).
    pub label: AttrValue,
    /// A name for this menu's element ids, unique within the app ("data", "share").
    pub name: &'static str,
    /// The menu's entries, in order.
    pub items: Vec<MenuItem>,
    /// The button, for a parent that returns focus to it later (a dialog
    /// opened from the menu).
    #[prop_or_default]
    pub button_ref: NodeRef,
}

/// What a key pressed in an open menu does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MenuKey {
    /// Move the focus to this item.
    Focus(usize),
    /// Close the menu and return focus to its button.
    Close,
    /// Close the menu and let the focus move on from its button (Tab).
    Leave,
}

/// Which item a key on the closed menu's button opens the menu on, if any.
/// (Enter and Space arrive as the button's click.)
pub(crate) fn button_key(key: &str, len: usize) -> Option<usize> {
    match key {
        _ if len == 0 => None,
        "ArrowDown" => Some(0),
        "ArrowUp" => Some(len - 1),
        _ => None,
    }
}

/// What `key` does in an open menu of `len` items whose item `current` has focus.
pub(crate) fn menu_key(key: &str, current: usize, len: usize) -> Option<MenuKey> {
    if len == 0 {
        return matches!(key, "Escape").then_some(MenuKey::Close);
    }
    let current = current.min(len - 1);
    Some(match key {
        "ArrowDown" => MenuKey::Focus((current + 1) % len),
        "ArrowUp" => MenuKey::Focus((current + len - 1) % len),
        "Home" | "PageUp" => MenuKey::Focus(0),
        "End" | "PageDown" => MenuKey::Focus(len - 1),
        "Escape" => MenuKey::Close,
        "Tab" => MenuKey::Leave,
        _ => return None,
    })
}

/// A button that opens a menu of [`MenuItem`]s; see the module's doc.
#[component]
pub fn MenuButton(props: &MenuButtonProps) -> Html {
    let ids = use_ids();
    let (button_id, menu_id) = (
        ids.id(&format!("{}-menu-button", props.name)),
        ids.id(&format!("{}-menu", props.name)),
    );
    // Some(i): the menu is open and item i has the focus.
    let active = use_state_eq(|| None::<usize>);
    let wrapper = use_node_ref();
    let menu = use_node_ref();
    let button = props.button_ref.clone();
    let len = props.items.len();
    {
        let menu = menu.clone();
        use_effect_with(*active, move |active| {
            let item = active.and_then(|i| {
                menu.cast::<Element>()?
                    .query_selector_all("[role=menuitem]")
                    .ok()?
                    .item(i as u32)
            });
            if let Some(item) =
                item.and_then(|n| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(n).ok())
            {
                let _ = item.focus();
            }
        });
    }
    let close = {
        let active = active.clone();
        let button = button.clone();
        Callback::from(move |refocus: bool| {
            active.set(None);
            if refocus {
                if let Some(button) = button.cast::<HtmlElement>() {
                    let _ = button.focus();
                }
            }
        })
    };
    use_dismiss(wrapper.clone(), active.is_some(), close.reform(|()| false));
    let onclick = {
        let active = active.clone();
        let close = close.clone();
        Callback::from(move |_: MouseEvent| match *active {
            Some(_) => close.emit(false),
            None if len > 0 => active.set(Some(0)),
            None => {}
        })
    };
    let on_button_key = {
        let active = active.clone();
        Callback::from(move |event: KeyboardEvent| {
            if let Some(first) = button_key(&event.key(), len) {
                event.prevent_default();
                active.set(Some(first));
            }
        })
    };
    let on_menu_key = {
        let active = active.clone();
        let close = close.clone();
        Callback::from(move |event: KeyboardEvent| {
            let Some(current) = *active else { return };
            match menu_key(&event.key(), current, len) {
                Some(MenuKey::Focus(i)) => {
                    event.prevent_default();
                    active.set(Some(i));
                }
                Some(MenuKey::Close) => {
                    // The menu closes, not the card beneath it.
                    event.prevent_default();
                    event.stop_propagation();
                    close.emit(true);
                }
                // Tab goes on from the button, to the control after the menu
                // (or, with Shift, the one before it).
                Some(MenuKey::Leave) => close.emit(true),
                None => {}
            }
        })
    };
    let onfocusout = {
        let wrapper = wrapper.clone();
        let close = close.clone();
        let open = active.is_some();
        Callback::from(move |event: FocusEvent| {
            let moved_out = event
                .related_target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<Node>(t).ok())
                .zip(wrapper.cast::<Node>())
                .is_some_and(|(to, wrapper)| !wrapper.contains(Some(&to)));
            if open && moved_out {
                close.emit(false);
            }
        })
    };
    let open = active.is_some();
    html! {
        <div class="annals-menu" ref={wrapper} {onfocusout}>
            <button type="button" class="annals-button annals-menu-button" id={button_id.clone()} ref={button}
                aria-haspopup="menu" aria-expanded={open.to_string()} aria-controls={menu_id.clone()}
                onclick={onclick} onkeydown={on_button_key}>
                { props.label.clone() }
                <span class="annals-menu-caret" aria-hidden="true">{ "\u{25be}" }</span>
            </button>
            <ul class="annals-menu-list" role="menu" id={menu_id} aria-labelledby={button_id} ref={menu}
                hidden={!open} onkeydown={on_menu_key}>
                { for props.items.iter().enumerate().map(|(i, item)| {
                    let onclick = {
                        let close = close.clone();
                        let on_select = item.on_select.clone();
                        Callback::from(move |_: MouseEvent| {
                            close.emit(true);
                            on_select.emit(());
                        })
                    };
                    let onfocus = {
                        let active = active.clone();
                        Callback::from(move |_: FocusEvent| {
                            if active.is_some() {
                                active.set(Some(i));
                            }
                        })
                    };
                    html! {
                        <li role="none">
                            <button type="button" role="menuitem" tabindex="-1" class="annals-menu-item" {onclick} {onfocus}>
                                { item.label.clone() }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closed_button_opens_on_the_first_or_last_item() {
        let cases = [
            ("ArrowDown", 4, Some(0)),
            ("ArrowUp", 4, Some(3)),
            ("ArrowUp", 1, Some(0)),
            ("ArrowDown", 0, None),
            ("a", 4, None),
            ("Enter", 4, None),
        ];
        for (key, len, expected) in cases {
            assert_eq!(button_key(key, len), expected, "{key} with {len} items");
        }
    }

    #[test]
    fn keys_in_the_open_menu_move_wrap_and_close() {
        use MenuKey::*;
        let cases = [
            ("ArrowDown", 0, Some(Focus(1))),
            ("ArrowDown", 3, Some(Focus(0))),
            ("ArrowUp", 0, Some(Focus(3))),
            ("ArrowUp", 2, Some(Focus(1))),
            ("Home", 2, Some(Focus(0))),
            ("End", 1, Some(Focus(3))),
            ("Escape", 1, Some(Close)),
            ("Tab", 1, Some(Leave)),
            ("x", 1, None),
            ("Enter", 1, None),
        ];
        for (key, current, expected) in cases {
            assert_eq!(
                menu_key(key, current, 4),
                expected,
                "{key} on item {current}"
            );
        }
    }

    #[test]
    fn a_focus_index_past_the_end_moves_from_the_last_item() {
        assert_eq!(menu_key("ArrowDown", 9, 3), Some(MenuKey::Focus(0)));
        assert_eq!(menu_key("ArrowUp", 9, 3), Some(MenuKey::Focus(1)));
        assert_eq!(menu_key("Escape", 0, 0), Some(MenuKey::Close));
        assert_eq!(menu_key("ArrowDown", 0, 0), None);
    }
}

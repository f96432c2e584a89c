import { useEffect, useRef, type RefObject } from 'react';

/**
 * Parts of a panel can be replaced from elsewhere while someone is in them:
 * a facilitator closes the vote, and the ballot a person had focus in
 * becomes the results. The focused element is then gone and focus falls to
 * the page, where a keyboard or screen-reader user has lost their place.
 * This moves it to `fallback` (the panel's heading, `tabIndex={-1}`)
 * instead, but only when the element focused inside `region` was removed
 * and nothing else has focus since: someone who tabbed or clicked away is
 * left alone.
 */
export function useFocusRescue(region: RefObject<HTMLElement | null>, fallback: RefObject<HTMLElement | null>): void {
  const focusedInside = useRef<Element | null>(null);
  useEffect(() => {
    const element = region.current;
    if (!element) return;
    const onFocusIn = (event: FocusEvent) => {
      focusedInside.current = event.target instanceof Element ? event.target : null;
    };
    const onFocusOut = (event: FocusEvent) => {
      // Focus moved to something else (not a removal, which has no next target).
      if (event.relatedTarget instanceof Node && !element.contains(event.relatedTarget)) focusedInside.current = null;
    };
    element.addEventListener('focusin', onFocusIn);
    element.addEventListener('focusout', onFocusOut);
    return () => {
      element.removeEventListener('focusin', onFocusIn);
      element.removeEventListener('focusout', onFocusOut);
    };
  }, [region]);
  // After every render: the render may have removed what had focus.
  useEffect(() => {
    const lost = focusedInside.current;
    if (!lost || lost.isConnected) return;
    focusedInside.current = null;
    const active = document.activeElement;
    if (active === null || active === document.body) fallback.current?.focus();
  });
}

import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from './history';
import { confirmLeave } from './leaveGuard';

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; replace?: boolean };

/** An ordinary link that navigates inside the SPA on a plain left click. */
export function Link({ href, replace, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    event.preventDefault();
    if (!confirmLeave()) return;
    navigate(href, { replace });
  };
  return <a href={href} onClick={handleClick} {...rest} />;
}

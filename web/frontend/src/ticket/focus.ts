// "r" on the queue screen opens the ticket with the reply box focused.
let replyFocus = false;

export function requestReplyFocus(): void {
  replyFocus = true;
}

export function takeReplyFocus(): boolean {
  const r = replyFocus;
  replyFocus = false;
  return r;
}

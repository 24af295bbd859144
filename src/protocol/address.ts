/** A LinkedIn address reduced to what names a page: its path, without a trailing slash ('' if unreadable). */
export const pathOf = (url: string) => URL.parse(url)?.pathname.replace(/\/+$/, '') ?? '';

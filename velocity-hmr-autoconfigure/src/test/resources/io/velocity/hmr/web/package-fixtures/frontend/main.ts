import { LitElement, html, css } from 'lit';
import { format, addDays } from 'date-fns';
import { formatDistance } from 'date-fns/formatDistance';
import classNames from 'classnames';
import { tiny, shout } from 'tiny';

export { LitElement, html, css, format, addDays, formatDistance, classNames, tiny, shout };

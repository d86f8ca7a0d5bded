import type { Seats } from '../identityApi';

/** "3 of 5 seats used" with the included/extra breakdown. */
export default function SeatsSummary(props: { seats: Seats }) {
  const full = () => props.seats.used >= props.seats.limit;
  return (
    <p class="seats-summary" classList={{ 'is-full': full() }}>
      <span class="seats-usage">
        {props.seats.used} of {props.seats.limit}
      </span>{' '}
      seats used
      <span class="muted small">
        {' '}
        ({props.seats.included} included with the plan{props.seats.extra > 0 ? `, ${props.seats.extra} extra` : ''})
      </span>
      {full() ? <span class="seats-full-note"> — all seats are taken; invitations need a free seat.</span> : null}
    </p>
  );
}

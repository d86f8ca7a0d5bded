/** Decorative brand mark; pair it with visible "EZ360PM" text. */
export default function Logo(props: { size?: number }) {
  const size = () => props.size ?? 28;
  return (
    <svg class="logo-mark" width={size()} height={size()} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path d="M9 10h10M9 16h8M9 22h10M9 10v12" stroke="#fff" stroke-width="2.6" stroke-linecap="round" fill="none" />
      <circle cx="23" cy="20" r="3" fill="none" stroke="#fff" stroke-width="2.2" />
    </svg>
  );
}

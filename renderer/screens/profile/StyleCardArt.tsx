import type { StyleCard, VignettePiece } from '../../../core/intake/index.ts';

/**
 * A style card's picture: a small room vignette drawn from the card's palette — wall, floor, the
 * main piece and an accent — so the cards ship with the app and no retailer image is fetched.
 */
export function StyleCardArt({ card, title }: { readonly card: StyleCard; readonly title: string }) {
  const [wall, floor, piece, accent] = card.palette;
  return (
    <svg className="style-card__art" viewBox="0 0 160 110" role="img" aria-label={title}>
      <rect x="0" y="0" width="160" height="78" fill={wall} />
      <polygon points="0,78 160,78 160,110 0,110" fill={floor} />
      <rect x="108" y="14" width="30" height="22" rx="1" fill={accent} opacity="0.85" />
      <rect x="110" y="16" width="26" height="18" fill={wall} opacity="0.35" />
      <Piece kind={card.piece} colour={piece} accent={accent} />
      <ellipse cx="80" cy="98" rx="52" ry="4" fill="#000" opacity="0.08" />
    </svg>
  );
}

function Piece({ kind, colour, accent }: { readonly kind: VignettePiece; readonly colour: string; readonly accent: string }) {
  const stroke = { stroke: '#00000022', strokeWidth: 0.8 };
  switch (kind) {
    case 'sofa':
      return (
        <g {...stroke}>
          <rect x="34" y="58" width="92" height="30" rx="6" fill={colour} />
          <rect x="30" y="66" width="14" height="24" rx="4" fill={colour} />
          <rect x="116" y="66" width="14" height="24" rx="4" fill={colour} />
          <rect x="46" y="72" width="68" height="12" rx="3" fill={colour} opacity="0.9" />
          <rect x="52" y="62" width="16" height="12" rx="3" fill={accent} />
        </g>
      );
    case 'armchair':
      return (
        <g {...stroke}>
          <rect x="56" y="50" width="48" height="38" rx="10" fill={colour} />
          <rect x="50" y="66" width="12" height="24" rx="4" fill={colour} />
          <rect x="98" y="66" width="12" height="24" rx="4" fill={colour} />
          <rect x="64" y="92" width="3" height="6" fill="#5a4632" />
          <rect x="93" y="92" width="3" height="6" fill="#5a4632" />
          <circle cx="128" cy="80" r="7" fill={accent} />
          <rect x="126" y="86" width="4" height="12" fill="#5a4632" />
        </g>
      );
    case 'dining':
      return (
        <g {...stroke}>
          <rect x="40" y="66" width="80" height="6" fill={colour} />
          <rect x="46" y="72" width="4" height="24" fill={colour} />
          <rect x="110" y="72" width="4" height="24" fill={colour} />
          <rect x="24" y="56" width="4" height="40" fill={accent} />
          <rect x="24" y="76" width="16" height="4" fill={accent} />
          <rect x="132" y="56" width="4" height="40" fill={accent} />
          <rect x="120" y="76" width="16" height="4" fill={accent} />
          <circle cx="80" cy="60" r="5" fill={accent} />
        </g>
      );
    case 'bed':
      return (
        <g {...stroke}>
          <rect x="30" y="50" width="100" height="20" rx="3" fill={accent} />
          <rect x="30" y="68" width="100" height="24" rx="3" fill={colour} />
          <rect x="38" y="62" width="26" height="10" rx="4" fill="#ffffff" opacity="0.85" />
          <rect x="96" y="62" width="26" height="10" rx="4" fill="#ffffff" opacity="0.85" />
        </g>
      );
    case 'desk':
      return (
        <g {...stroke}>
          <rect x="38" y="64" width="84" height="5" fill={colour} />
          <rect x="42" y="69" width="3" height="27" fill={accent} />
          <rect x="115" y="69" width="3" height="27" fill={accent} />
          <rect x="64" y="48" width="30" height="16" rx="1" fill={accent} />
          <rect x="104" y="44" width="2" height="20" fill={accent} />
          <circle cx="105" cy="43" r="4" fill={colour} />
        </g>
      );
    case 'shelf':
      return (
        <g {...stroke}>
          <rect x="40" y="30" width="60" height="66" fill="none" stroke={accent} strokeWidth="3" />
          {[46, 62, 78].map((y) => (
            <rect key={y} x="40" y={y} width="60" height="3" fill={accent} />
          ))}
          <rect x="46" y="36" width="8" height="10" fill={colour} />
          <rect x="58" y="52" width="14" height="10" fill={colour} />
          <rect x="80" y="68" width="10" height="10" fill={colour} />
          <rect x="110" y="70" width="30" height="26" rx="3" fill={colour} />
        </g>
      );
  }
}

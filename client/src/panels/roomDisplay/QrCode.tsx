import { useMemo } from 'react';
import QRCode from 'qrcode';

/** Light modules around the code, as the QR specification asks: scanners need the margin to find it. */
const QUIET_ZONE = 4;

/**
 * A QR code drawn here, in the page, as SVG squares: the link never goes to
 * an outside service to be turned into an image. Black on white whatever
 * the theme, with error correction level M (a projector's glare and a
 * phone's angle lose some modules).
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const squares: string[] = [];
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.get(row, col)) squares.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
      }
    }
    return { size: modules.size + QUIET_ZONE * 2, path: squares.join('') };
  }, [text]);
  return (
    <svg className="room-qr" data-testid="room-qr" role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

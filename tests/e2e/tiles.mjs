// A map tile server for the browser tests, on a free loopback port: every /{z}/{x}/{y}.png is
// a generated 256 px tile (land with a street grid), so the walk map draws a background without
// the internet, and the test sees what the browser asked for (the Referer tile servers want).
import { createServer } from 'node:http';
import { crc32, deflateSync } from 'node:zlib';

const size = 256;

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// Streets every 64 px, shifted per tile so neighbouring tiles do not look alike.
function tile(x, y) {
  const land = [242, 239, 233];
  const street = [255, 255, 255];
  const edge = [205, 200, 190];
  const shiftX = (x * 37) % 64;
  const shiftY = (y * 23) % 64;
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let row = 0; row < size; row += 1) {
    const start = row * (1 + size * 3);
    rows[start] = 0;  // no filter
    const v = (row + shiftY) % 64;
    for (let col = 0; col < size; col += 1) {
      const h = (col + shiftX) % 64;
      const onStreet = v < 6 || h < 6;
      const onEdge = v === 6 || h === 6 || v === 63 || h === 63;
      const [r, g, b] = onStreet ? street : onEdge ? edge : land;
      rows.set([r, g, b], start + 1 + col * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);  // 8 bits, RGB
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

// `requests` lists each tile asked for with its Referer.
export async function startTileServer() {
  const requests = [];
  const server = createServer((request, response) => {
    const match = request.url.match(/^\/(\d+)\/(\d+)\/(\d+)\.png$/);
    if (!match) {
      response.writeHead(404).end();
      return;
    }
    requests.push({ path: request.url, referer: request.headers.referer ?? '' });
    response.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'max-age=3600' });
    response.end(tile(Number(match[2]), Number(match[3])));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: `${origin}/{z}/{x}/{y}.png`,
    requests,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

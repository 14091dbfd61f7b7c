import { describe, expect, it } from 'vitest';
import { images } from '../../src/runtime/detectors/index.js';
import type { ImageMatch } from '../../src/runtime/detectors/index.js';

type Expect = Partial<Omit<ImageMatch, 'start' | 'end'>>;

describe('images: table', () => {
  // [input, expected images (text + selected fields)]
  const rows: Array<[string, Expect[]]> = [
    ['<img src="https://lumoshop.co/logo.png">', [{ text: '<img src="https://lumoshop.co/logo.png">', src: 'https://lumoshop.co/logo.png', hidden: false, tracking: false, animated: false }]],
    ["<IMG SRC='a.jpg' ALT='Logo'>", [{ text: "<IMG SRC='a.jpg' ALT='Logo'>", src: 'a.jpg', alt: 'Logo' }]],
    ['<img alt=x src=b.png width=120 height=60>', [{ src: 'b.png', width: 120, height: 60, tracking: false }]],
    ['<img width="1" height="1" src="https://shop.example/p.png">', [{ width: 1, height: 1, tracking: true, hidden: false }]],
    ['<img src="x.png" style="width:1px;height:1px">', [{ width: 1, height: 1, tracking: true }]],
    ['<img src="x.png" style="WIDTH: 1PX; HEIGHT: 1PX;">', [{ width: 1, height: 1, tracking: true }]],
    ['<img src="x.png" width="600" style="width:1px;height:1px">', [{ width: 1, height: 1, tracking: true }]],
    ['<img src="x.png" style="max-width:1px">', [{ tracking: false }]],
    ['<img src="x.png" style="display:none">', [{ hidden: true, tracking: true }]],
    ['<img src="x.png" style="visibility: hidden">', [{ hidden: true, tracking: true }]],
    ['<img src="x.png" hidden>', [{ hidden: true, tracking: true }]],
    ['<img src="x.png" width="0">', [{ hidden: true, width: 0, tracking: true }]],
    ['<img src="x.png" style="opacity:0">', [{ hidden: true }]],
    ['<img src="https://trk.klaviyo.com/open/abc.png">', [{ tracking: true, hidden: false }]],
    ['<img src="https://u123.ct.sendgrid.net/wf/open?upn=abc">', [{ tracking: true }]],
    ['<img src="https://www.google-analytics.com/collect?v=1">', [{ tracking: true }]],
    ['<img src="https://shop.example/pixel.gif">', [{ tracking: true, animated: true }]],
    ['<img src="https://media.giphy.com/thanks.gif">', [{ animated: true, tracking: false }]],
    ['<img src="https://x.com/anim.GIF?v=2#frag">', [{ animated: true }]],
    ['<img src="https://x.com/photo.gifts.png">', [{ animated: false }]],
    ['<a href="https://lumoshop.co"><img src="logo.png"></a>', [{ linksTo: 'https://lumoshop.co', src: 'logo.png' }]],
    ['<a href="https://lumoshop.co">shop</a> <img src="logo.png">', [{ src: 'logo.png', linksTo: undefined }]],
    ['<img src="a.png"><img src="b.png">', [{ src: 'a.png' }, { src: 'b.png' }]],
    ['<img src="a.png" title="1 > 0" width="2">', [{ text: '<img src="a.png" title="1 > 0" width="2">', width: 2 }]],
    ['<img\nsrc="a.png"\n/>', [{ text: '<img\nsrc="a.png"\n/>', src: 'a.png' }]],
    ['<img src="https://x.com/a.png?w=1&amp;h=1">', [{ src: 'https://x.com/a.png?w=1&h=1' }]],
    ['<img src="x.png" width="100%">', [{ width: undefined }]],
    // negatives
    ['no images here', []],
    ['<image src="x.png">', []],
    ['<imgx src="x.png">', []],
    ['<!-- <img src="x.png"> -->', []],
    ['<img src="unterminated', []],
    ['a < img src="x.png">', []],
    ['<script>var s = "<img src=x.png>";</script>', []],
    ['', []],
  ];
  it.each(rows)('%j', (input, expected) => {
    const found = images(input);
    expect(found).toHaveLength(expected.length);
    expected.forEach((exp, i) => {
      const m = found[i]!;
      expect(input.slice(m.start, m.end)).toBe(m.text);
      for (const [k, v] of Object.entries(exp)) expect(m[k as keyof ImageMatch], k).toEqual(v);
    });
  });
});

// A unit part with its place in the document, kept relative to its cell so it follows edits.

import type { UnitPart } from './data/unit-phrase';
import type { UnitEntry } from './model';
import type { OffsetRange } from './types';

/**
 * A unit part with its range in document offsets. Parts are shared between cells with the same text;
 * this small fixed-shape wrapper adds the cell's position without copying the part.
 */
export class LocatedUnitPart implements UnitPart {
  private readonly relativeStart: number;
  private readonly relativeEnd: number;

  constructor(
    readonly part: UnitPart,
    /** The cell's scalar: positions are kept relative to it, so they follow when an edit moves it. */
    private readonly node: UnitEntry['node'],
    sourceRange: OffsetRange,
    /** False when the scalar could not be aligned with its source and sourceRange is the whole scalar. */
    readonly exact: boolean,
  ) {
    this.relativeStart = sourceRange.start - node.range![0];
    this.relativeEnd = sourceRange.end - node.range![0];
  }

  get sourceRange(): OffsetRange {
    const base = this.node.range![0];
    return { start: base + this.relativeStart, end: base + this.relativeEnd };
  }
  get kind() {
    return this.part.kind;
  }
  get unitIds() {
    return this.part.unitIds;
  }
  get alias() {
    return this.part.alias;
  }
  get range() {
    return this.part.range;
  }
  get text() {
    return this.part.text;
  }
  get sharedHead() {
    return this.part.sharedHead;
  }
  get qualifier() {
    return this.part.qualifier;
  }
}

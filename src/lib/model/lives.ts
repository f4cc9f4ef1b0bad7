/**
 * A unit's life: the periods of units.csv rows of one id (spec, "Units that change").
 */
import type { MonthIndex, Unit, UnitLife } from '../types.ts';

/** The unit's lives, oldest first: `unit.lives`, or the one life made of the unit's own fields. */
export function livesOf(unit: Unit): UnitLife[] {
  if (unit.lives && unit.lives.length > 0) return unit.lives;
  const life: UnitLife = { name: unit.name, label: unit.label, origin: unit.origin };
  if (unit.activeFrom !== undefined) life.from = unit.activeFrom;
  if (unit.activeTo !== undefined) life.to = unit.activeTo;
  if (unit.parentId !== undefined) life.parentId = unit.parentId;
  if (unit.shortName !== undefined) life.shortName = unit.shortName;
  return [life];
}

/**
 * First and last month of the unit's whole life, open ends as ±Infinity (the earliest life's `from`,
 * the latest life's `to`, else the unit's own fields).
 */
export function lifeSpan(unit: Unit): { from: MonthIndex; to: MonthIndex } {
  const lives = unit.lives;
  if (lives && lives.length > 0) {
    return { from: lives[0]!.from ?? -Infinity, to: lives[lives.length - 1]!.to ?? Infinity };
  }
  return { from: unit.activeFrom ?? -Infinity, to: unit.activeTo ?? Infinity };
}

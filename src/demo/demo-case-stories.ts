import { DemoRandom } from './demo-random';

/** What happened to a stakeholder, as an agent would write it in the case. */
export type Story = (random: DemoRandom) => string;

export const THERMOSTAT_STORIES: Record<'consumer' | 'business' | 'Distributor' | 'Installer' | 'Retailer', readonly Story[]> = {
  consumer: [
    (r) => `Thermostat shut itself off overnight after the 4.2 update; the wall plate was too hot to touch and the home had no heating for ${r.int(2, 5)} days.`,
    () => 'Unit overheated and left scorch marks on the wall around the mounting plate; customer removed it and asks for a replacement and a refund.',
    () => 'Smoke alarm went off when the thermostat overheated in the hallway at night; the family is frightened and wants written assurance that the replacement is safe.',
    (r) => `Heating stayed on at full power for ${r.int(6, 30)} hours while the display was frozen; customer reports a much higher energy bill.`,
    () => 'Elderly resident was without heating for two days until a neighbour noticed; daughter called in on her behalf and is very upset.',
    () => 'Customer saw our statement on social media, checked the device and found the casing discoloured; wants someone to confirm it is safe to keep using.',
    () => 'Unit overheated while the household was away; no damage, but the customer has lost confidence and says they are looking at a competitor.',
    (r) => `Device rebooted in a loop after 4.2 and the boiler cycled on and off ${r.int(20, 80)} times a day; a heating engineer had to be called out.`,
  ],
  business: [
    (r) => `${r.int(4, 40)} thermostats across the premises overheated after the 4.2 rollout; heating was off for ${r.int(1, 4)} days and rooms had to be closed.`,
    () => 'Temperature control in the stock room failed overnight; perishable stock had to be discarded and trading was reduced the next day.',
    (r) => `Facilities team disconnected all ${r.int(10, 120)} Aurora units as a precaution and is running the heating by hand; asks for an on-site inspection.`,
    (r) => `A unit scorched a wall panel in a treatment room; the insurer wants an incident report and the room was closed for ${r.int(2, 6)} days.`,
    (r) => `Building management system flagged ${r.int(8, 60)} units above safe temperature; tenants complained and are withholding part of the service charge.`,
    (r) => `Procurement froze a planned rollout of ${r.int(50, 400)} more units until we provide the root-cause report and a safety certificate for 4.2.1.`,
  ],
  Distributor: [
    (r) => `Stop-ship on ${r.int(2, 9)},${r.int(100, 999)} units of 4.2 stock in the warehouse; downstream retailers are returning units and cancelling orders for the quarter.`,
    () => 'Holding firmware-4.2 stock that must be reflashed before resale; asks us to cover handling, storage and the cost of the reflashing line.',
    () => 'Executive escalation: the distributor is reviewing the contract renewal and wants a joint recovery plan with clear KPIs and a named executive sponsor.',
  ],
  Installer: [
    (r) => `Technicians made ${r.int(20, 180)} emergency call-outs to remove overheating units; the installer is absorbing labour costs and angry calls from its customers.`,
    () => 'Installer paused all new Aurora installations and is recommending a competitor model to its customers until 4.2.1 is proven.',
  ],
  Retailer: [
    (r) => `Pulled Aurora from shelves in ${r.int(12, 140)} stores and the web shop; handling ${r.int(300, 2500)} customer returns and asking for margin protection.`,
    () => 'Retailer cancelled the autumn heating-season promotion featuring Aurora and wants compensation for the lost campaign slot.',
  ],
};

export const OUTAGE_STORIES: Record<'consumer' | 'business', readonly Story[]> = {
  consumer: [
    () => 'Could not control the heating from the app for the whole outage; the house was heated all weekend while the family was away.',
    () => 'Lost all heating schedules in the outage and had to re-enter them; asked why the backup did not keep them.',
    () => 'Complained on social media about paying for the cloud plan while it was down; offered a month free.',
  ],
  business: [
    (r) => `Remote schedules for ${r.int(5, 40)} sites were lost; staff had to set every thermostat by hand the next morning.`,
    () => 'Energy reports for the month were incomplete, so the customer could not bill tenants for heating on time.',
  ],
};

export { type HolidayCalendar, isBusinessDay, ROLL_CONVENTIONS, type RollConvention, rollDate } from './business-days.ts';
export { easterSunday, usCalendar, type UsCalendarName, usHolidays } from './us-holidays.ts';

// A tiny map for component tests: three square "comuni", one of them in two parts (an island).
import type { TuscanyMap } from '../lib/bindings/TuscanyMap';

export const MAP: TuscanyMap = {
  view_box: '0 0 1000 1000',
  width: 1000,
  height: 1000,
  attribution: 'Dati territoriali: ISTAT (CC BY 4.0); confini comunali: ISTAT/openpolis (CC BY 4.0)',
  comuni: [
    { istat_code: '049003', name: 'Capraia Isola', path: 'M10 10 100 10 100 100 10 100ZM10 200 50 200 50 250Z', bbox: [10, 10, 100, 250], polygons: [[10, 10, 100, 100], [10, 200, 50, 250]] },
    { istat_code: '050008', name: 'Cascina', path: 'M200 10 300 10 300 100 200 100Z', bbox: [200, 10, 300, 100], polygons: [[200, 10, 300, 100]] },
    { istat_code: '050026', name: 'Pisa', path: 'M400 10 500 10 500 100 400 100Z', bbox: [400, 10, 500, 100], polygons: [[400, 10, 500, 100]] },
  ],
};

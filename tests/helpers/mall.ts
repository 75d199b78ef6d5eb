/** The Mall Customers table (../shared/data) as the clustering tests read it, and a k-means reference sum. */
import { readFileSync } from 'node:fs';
import { type Table, tableFromArrays } from 'apache-arrow';
import Papa from 'papaparse';
import { sharedData } from './shared-data';

export const MALL = 'mall_customers/Mall_Customers.csv';
export const INCOME = 'Annual Income (k$)';
export const SPEND = 'Spending Score (1-100)';

/** CustomerID, Gender, Age, income and spending score of the 200 customers. */
export function mallCustomers(): Table {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(sharedData(MALL).path(MALL), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  const num = (key: string) => Float64Array.from(parsed.data, (r) => Number(r[key]));
  return tableFromArrays({
    CustomerID: Int32Array.from(parsed.data, (r) => Number(r.CustomerID)),
    Gender: parsed.data.map((r) => r.Gender),
    Age: num('Age'),
    [INCOME]: num(INCOME),
    [SPEND]: num(SPEND),
  });
}

/** Sum of squared distances of the points to their segment's mean (the k-means objective). */
export function sse(points: number[][], labels: number[], k: number): number {
  const d = points[0].length;
  const sums = Array.from({ length: k }, () => new Array<number>(d).fill(0));
  const counts = new Array<number>(k).fill(0);
  points.forEach((p, i) => {
    counts[labels[i]]++;
    p.forEach((v, c) => {
      sums[labels[i]][c] += v;
    });
  });
  let s = 0;
  points.forEach((p, i) =>
    p.forEach((v, c) => {
      s += (v - sums[labels[i]][c] / counts[labels[i]]) ** 2;
    }),
  );
  return s;
}

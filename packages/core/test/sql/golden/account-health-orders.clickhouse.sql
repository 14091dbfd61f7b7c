-- Metrics of the policy account-health-orders (Account health from order reports).
-- Source: Amazon Seller Central: Customer service performance and Shipping performance (targets and time windows); Amazon Account Health Rating
-- As of 2026-11-20 (this engine has no query parameters: the day is written into the query).
-- One row per combination of group values. Sum a metric column over all rows for its overall value,
-- and by a group column for its breakdown. A rate is numerator / records; an average is sum / values.
-- metric order-defect-rate "Order defect rate": rate, last 60 days by purchaseDate, by sku, asin
--   policy line 61:
--     metric order-defect-rate "Order defect rate" {
--       rate negativeFeedback or azClaim or chargeback
--       where sellerFulfilled
--       over 60 days by purchaseDate
--       group by sku, asin
--     }
-- metric pre-fulfillment-cancel-rate "Pre-fulfillment cancel rate": rate, last 7 days by purchaseDate, by sku
--   policy line 69:
--     metric pre-fulfillment-cancel-rate "Pre-fulfillment cancel rate" {
--       rate cancelledBy == "seller"
--       where sellerFulfilled
--       over 7 days by purchaseDate
--       group by sku
--     }
-- metric late-shipment-rate-10d "Late shipment rate (10 days)": rate, last 10 days by expectedShipDate, by sku
--   policy line 77:
--     metric late-shipment-rate-10d "Late shipment rate (10 days)" {
--       rate shipDate > expectedShipDate
--       where shippedBySeller
--       over 10 days by expectedShipDate
--       group by sku
--     }
-- metric late-shipment-rate-30d "Late shipment rate (30 days)": rate, last 30 days by expectedShipDate, by sku
--   policy line 85:
--     metric late-shipment-rate-30d "Late shipment rate (30 days)" {
--       rate shipDate > expectedShipDate
--       where shippedBySeller
--       over 30 days by expectedShipDate
--       group by sku
--     }
-- metric valid-tracking-rate "Valid tracking rate": rate, last 30 days by shipDate, by sku
--   policy line 93:
--     metric valid-tracking-rate "Valid tracking rate" {
--       rate not empty(trackingId) and not (trackingValid == false)
--       where shippedBySeller
--       over 30 days by shipDate
--       group by sku
--     }
-- k0: the group sku
-- k1: the group asin
WITH
  toString(`orderId`) AS f0_text,
  toString(`purchaseDate`) AS f1_text,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`purchaseDate`), '^\\s*(\\d{4})-'), ''), '0'))) AS f1_y,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`purchaseDate`), '^\\s*\\d{4}-(\\d{2})-'), ''), '0'))) AS f1_mo,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`purchaseDate`), '^\\s*\\d{4}-\\d{2}-(\\d{2})'), ''), '0'))) AS f1_d,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`purchaseDate`), '^\\s*\\d{4}-\\d{2}-\\d{2}[Tt ](\\d{2}):'), ''), '0'))) AS f1_h,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`purchaseDate`), '^\\s*\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:(\\d{2})'), ''), '0'))) AS f1_mi,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`purchaseDate`), '^\\s*\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:(\\d{2})'), ''), '0'))) AS f1_s,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`purchaseDate`), '^\\s*\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*[+-](\\d{2}):?\\d{2}\\s*$'), ''), '0'))) AS f1_zh,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`purchaseDate`), '^\\s*\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*[+-]\\d{2}:?(\\d{2})\\s*$'), ''), '0'))) AS f1_zm,
  toFloat64OrNull(replaceRegexpOne(toString(concat('0', coalesce(nullif(extract(toString(`purchaseDate`), '^\\s*\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)'), ''), '.0'))), '^[+]', '')) AS f1_f,
  CASE WHEN coalesce(extract(toString(`purchaseDate`), '^\\s*\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*([+-])\\d{2}:?\\d{2}\\s*$') = '-', 0) THEN -1 ELSE 1 END AS f1_zs,
  toString(`fulfillmentChannel`) AS f2_text,
  toString(`orderStatus`) AS f3_text,
  toString(`cancelledBy`) AS f4_text,
  lowerUTF8(replaceRegexpAll(toString(`cancelledBy`), '^[\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+|[\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+$', '')) AS f4_w,
  toString(`expectedShipDate`) AS f5_text,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`expectedShipDate`), '^\\s*(\\d{4})-'), ''), '0'))) AS f5_y,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`expectedShipDate`), '^\\s*\\d{4}-(\\d{2})-'), ''), '0'))) AS f5_mo,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`expectedShipDate`), '^\\s*\\d{4}-\\d{2}-(\\d{2})'), ''), '0'))) AS f5_d,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`expectedShipDate`), '^\\s*\\d{4}-\\d{2}-\\d{2}[Tt ](\\d{2}):'), ''), '0'))) AS f5_h,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`expectedShipDate`), '^\\s*\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:(\\d{2})'), ''), '0'))) AS f5_mi,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`expectedShipDate`), '^\\s*\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:(\\d{2})'), ''), '0'))) AS f5_s,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`expectedShipDate`), '^\\s*\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*[+-](\\d{2}):?\\d{2}\\s*$'), ''), '0'))) AS f5_zh,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`expectedShipDate`), '^\\s*\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*[+-]\\d{2}:?(\\d{2})\\s*$'), ''), '0'))) AS f5_zm,
  toFloat64OrNull(replaceRegexpOne(toString(concat('0', coalesce(nullif(extract(toString(`expectedShipDate`), '^\\s*\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)'), ''), '.0'))), '^[+]', '')) AS f5_f,
  CASE WHEN coalesce(extract(toString(`expectedShipDate`), '^\\s*\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*([+-])\\d{2}:?\\d{2}\\s*$') = '-', 0) THEN -1 ELSE 1 END AS f5_zs,
  toString(`shipDate`) AS f6_text,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`shipDate`), '^\\s*(\\d{4})-'), ''), '0'))) AS f6_y,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`shipDate`), '^\\s*\\d{4}-(\\d{2})-'), ''), '0'))) AS f6_mo,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`shipDate`), '^\\s*\\d{4}-\\d{2}-(\\d{2})'), ''), '0'))) AS f6_d,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`shipDate`), '^\\s*\\d{4}-\\d{2}-\\d{2}[Tt ](\\d{2}):'), ''), '0'))) AS f6_h,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`shipDate`), '^\\s*\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:(\\d{2})'), ''), '0'))) AS f6_mi,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`shipDate`), '^\\s*\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:(\\d{2})'), ''), '0'))) AS f6_s,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`shipDate`), '^\\s*\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*[+-](\\d{2}):?\\d{2}\\s*$'), ''), '0'))) AS f6_zh,
  toInt64OrNull(toString(coalesce(nullif(extract(toString(`shipDate`), '^\\s*\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*[+-]\\d{2}:?(\\d{2})\\s*$'), ''), '0'))) AS f6_zm,
  toFloat64OrNull(replaceRegexpOne(toString(concat('0', coalesce(nullif(extract(toString(`shipDate`), '^\\s*\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)'), ''), '.0'))), '^[+]', '')) AS f6_f,
  CASE WHEN coalesce(extract(toString(`shipDate`), '^\\s*\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*([+-])\\d{2}:?\\d{2}\\s*$') = '-', 0) THEN -1 ELSE 1 END AS f6_zs,
  toString(`trackingId`) AS f7_text,
  toString(`trackingValid`) AS f8_text,
  lowerUTF8(replaceRegexpAll(toString(`trackingValid`), '^[\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+|[\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+$', '')) AS f8_w,
  toString(`negativeFeedback`) AS f9_text,
  lowerUTF8(replaceRegexpAll(toString(`negativeFeedback`), '^[\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+|[\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+$', '')) AS f9_w,
  toString(`azClaim`) AS f10_text,
  lowerUTF8(replaceRegexpAll(toString(`azClaim`), '^[\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+|[\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+$', '')) AS f10_w,
  toString(`chargeback`) AS f11_text,
  lowerUTF8(replaceRegexpAll(toString(`chargeback`), '^[\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+|[\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+$', '')) AS f11_w,
  toString(`sku`) AS f12_text,
  toString(`asin`) AS f13_text,
  (toInt64(toDate('2026-11-20')) * 86400000) AS as_of_ms,
  CASE WHEN (f0_text IS NULL) THEN CAST(NULL AS Nullable(String)) WHEN coalesce(1, 0) THEN f0_text END AS f0,
  CASE WHEN (f1_text IS NULL OR coalesce(NOT match(f1_text, '[^\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]'), 0)) THEN CAST(NULL AS Nullable(Float64)) WHEN coalesce((match(f1_text, '^\\s*\\d{4}-\\d{2}-\\d{2}(?:[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*(?:[Zz]|[Uu][Tt][Cc]|[+-]\\d{2}:?\\d{2})?)?\\s*$') AND f1_mo BETWEEN 1 AND 12 AND f1_d BETWEEN 1 AND CASE WHEN f1_mo = 2 THEN CASE WHEN ((modulo(f1_y, 4) = 0 AND modulo(f1_y, 100) <> 0) OR modulo(f1_y, 400) = 0) THEN 29 ELSE 28 END WHEN f1_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND f1_h <= 23 AND f1_mi <= 59 AND f1_s <= 60), 0) THEN ((365 * (f1_y - intDiv(14 - f1_mo, 12)) + intDiv((f1_y - intDiv(14 - f1_mo, 12)), 4) - intDiv((f1_y - intDiv(14 - f1_mo, 12)), 100) + intDiv((f1_y - intDiv(14 - f1_mo, 12)), 400) + intDiv(153 * modulo(f1_mo + 9, 12) + 2, 5) + f1_d - 1 - 719468) * 86400000 + ((f1_h * 60 + f1_mi) * 60 + f1_s) * 1000 + floor(f1_f * 1000 + 0.5) - f1_zs * (f1_zh * 60 + f1_zm) * 60000) END AS f1,
  CASE WHEN (f2_text IS NULL) THEN CAST(NULL AS Nullable(String)) WHEN coalesce(1, 0) THEN f2_text END AS f2,
  CASE WHEN (f3_text IS NULL OR f3_text = '') THEN CAST(NULL AS Nullable(String)) WHEN coalesce(1, 0) THEN f3_text END AS f3,
  CASE WHEN (f4_text IS NULL OR coalesce(NOT match(f4_text, '[^\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]'), 0)) THEN CAST(NULL AS Nullable(String)) WHEN coalesce(f4_w IN ('seller', 'buyer'), 0) THEN CASE WHEN f4_w = 'seller' THEN 'seller' WHEN f4_w = 'buyer' THEN 'buyer' END END AS f4,
  CASE WHEN (f5_text IS NULL OR coalesce(NOT match(f5_text, '[^\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]'), 0)) THEN CAST(NULL AS Nullable(Float64)) WHEN coalesce((match(f5_text, '^\\s*\\d{4}-\\d{2}-\\d{2}(?:[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*(?:[Zz]|[Uu][Tt][Cc]|[+-]\\d{2}:?\\d{2})?)?\\s*$') AND f5_mo BETWEEN 1 AND 12 AND f5_d BETWEEN 1 AND CASE WHEN f5_mo = 2 THEN CASE WHEN ((modulo(f5_y, 4) = 0 AND modulo(f5_y, 100) <> 0) OR modulo(f5_y, 400) = 0) THEN 29 ELSE 28 END WHEN f5_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND f5_h <= 23 AND f5_mi <= 59 AND f5_s <= 60), 0) THEN ((365 * (f5_y - intDiv(14 - f5_mo, 12)) + intDiv((f5_y - intDiv(14 - f5_mo, 12)), 4) - intDiv((f5_y - intDiv(14 - f5_mo, 12)), 100) + intDiv((f5_y - intDiv(14 - f5_mo, 12)), 400) + intDiv(153 * modulo(f5_mo + 9, 12) + 2, 5) + f5_d - 1 - 719468) * 86400000 + ((f5_h * 60 + f5_mi) * 60 + f5_s) * 1000 + floor(f5_f * 1000 + 0.5) - f5_zs * (f5_zh * 60 + f5_zm) * 60000) END AS f5,
  CASE WHEN (f6_text IS NULL OR coalesce(NOT match(f6_text, '[^\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]'), 0)) THEN CAST(NULL AS Nullable(Float64)) WHEN coalesce((match(f6_text, '^\\s*\\d{4}-\\d{2}-\\d{2}(?:[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*(?:[Zz]|[Uu][Tt][Cc]|[+-]\\d{2}:?\\d{2})?)?\\s*$') AND f6_mo BETWEEN 1 AND 12 AND f6_d BETWEEN 1 AND CASE WHEN f6_mo = 2 THEN CASE WHEN ((modulo(f6_y, 4) = 0 AND modulo(f6_y, 100) <> 0) OR modulo(f6_y, 400) = 0) THEN 29 ELSE 28 END WHEN f6_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND f6_h <= 23 AND f6_mi <= 59 AND f6_s <= 60), 0) THEN ((365 * (f6_y - intDiv(14 - f6_mo, 12)) + intDiv((f6_y - intDiv(14 - f6_mo, 12)), 4) - intDiv((f6_y - intDiv(14 - f6_mo, 12)), 100) + intDiv((f6_y - intDiv(14 - f6_mo, 12)), 400) + intDiv(153 * modulo(f6_mo + 9, 12) + 2, 5) + f6_d - 1 - 719468) * 86400000 + ((f6_h * 60 + f6_mi) * 60 + f6_s) * 1000 + floor(f6_f * 1000 + 0.5) - f6_zs * (f6_zh * 60 + f6_zm) * 60000) END AS f6,
  CASE WHEN (f7_text IS NULL OR f7_text = '') THEN CAST(NULL AS Nullable(String)) WHEN coalesce(1, 0) THEN f7_text END AS f7,
  CASE WHEN (f8_text IS NULL OR coalesce(NOT match(f8_text, '[^\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]'), 0)) THEN CAST(NULL AS Nullable(UInt8)) WHEN coalesce(f8_w IN ('true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'), 0) THEN CASE WHEN f8_w IN ('true', 'yes', 'y', '1', 't') THEN 1 WHEN f8_w IN ('false', 'no', 'n', '0', 'f') THEN 0 END END AS f8,
  CASE WHEN (f9_text IS NULL OR coalesce(NOT match(f9_text, '[^\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]'), 0)) THEN 0 WHEN coalesce(f9_w IN ('true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'), 0) THEN CASE WHEN f9_w IN ('true', 'yes', 'y', '1', 't') THEN 1 WHEN f9_w IN ('false', 'no', 'n', '0', 'f') THEN 0 END END AS f9,
  CASE WHEN (f10_text IS NULL OR coalesce(NOT match(f10_text, '[^\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]'), 0)) THEN 0 WHEN coalesce(f10_w IN ('true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'), 0) THEN CASE WHEN f10_w IN ('true', 'yes', 'y', '1', 't') THEN 1 WHEN f10_w IN ('false', 'no', 'n', '0', 'f') THEN 0 END END AS f10,
  CASE WHEN (f11_text IS NULL OR coalesce(NOT match(f11_text, '[^\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]'), 0)) THEN 0 WHEN coalesce(f11_w IN ('true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'), 0) THEN CASE WHEN f11_w IN ('true', 'yes', 'y', '1', 't') THEN 1 WHEN f11_w IN ('false', 'no', 'n', '0', 'f') THEN 0 END END AS f11,
  CASE WHEN (f12_text IS NULL OR f12_text = '') THEN CAST(NULL AS Nullable(String)) WHEN coalesce(1, 0) THEN f12_text END AS f12,
  CASE WHEN (f13_text IS NULL OR f13_text = '') THEN CAST(NULL AS Nullable(String)) WHEN coalesce(1, 0) THEN f13_text END AS f13,
  ((f0_text IS NULL) OR NOT coalesce(1, 0)) OR ((f1_text IS NULL OR coalesce(NOT match(f1_text, '[^\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]'), 0)) OR NOT coalesce((match(f1_text, '^\\s*\\d{4}-\\d{2}-\\d{2}(?:[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*(?:[Zz]|[Uu][Tt][Cc]|[+-]\\d{2}:?\\d{2})?)?\\s*$') AND f1_mo BETWEEN 1 AND 12 AND f1_d BETWEEN 1 AND CASE WHEN f1_mo = 2 THEN CASE WHEN ((modulo(f1_y, 4) = 0 AND modulo(f1_y, 100) <> 0) OR modulo(f1_y, 400) = 0) THEN 29 ELSE 28 END WHEN f1_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND f1_h <= 23 AND f1_mi <= 59 AND f1_s <= 60), 0)) OR ((f2_text IS NULL) OR NOT coalesce(1, 0)) OR (NOT (f3_text IS NULL OR f3_text = '') AND NOT coalesce(1, 0)) OR (NOT (f4_text IS NULL OR coalesce(NOT match(f4_text, '[^\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]'), 0)) AND NOT coalesce(f4_w IN ('seller', 'buyer'), 0)) OR (NOT (f5_text IS NULL OR coalesce(NOT match(f5_text, '[^\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]'), 0)) AND NOT coalesce((match(f5_text, '^\\s*\\d{4}-\\d{2}-\\d{2}(?:[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*(?:[Zz]|[Uu][Tt][Cc]|[+-]\\d{2}:?\\d{2})?)?\\s*$') AND f5_mo BETWEEN 1 AND 12 AND f5_d BETWEEN 1 AND CASE WHEN f5_mo = 2 THEN CASE WHEN ((modulo(f5_y, 4) = 0 AND modulo(f5_y, 100) <> 0) OR modulo(f5_y, 400) = 0) THEN 29 ELSE 28 END WHEN f5_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND f5_h <= 23 AND f5_mi <= 59 AND f5_s <= 60), 0)) OR (NOT (f6_text IS NULL OR coalesce(NOT match(f6_text, '[^\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]'), 0)) AND NOT coalesce((match(f6_text, '^\\s*\\d{4}-\\d{2}-\\d{2}(?:[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*(?:[Zz]|[Uu][Tt][Cc]|[+-]\\d{2}:?\\d{2})?)?\\s*$') AND f6_mo BETWEEN 1 AND 12 AND f6_d BETWEEN 1 AND CASE WHEN f6_mo = 2 THEN CASE WHEN ((modulo(f6_y, 4) = 0 AND modulo(f6_y, 100) <> 0) OR modulo(f6_y, 400) = 0) THEN 29 ELSE 28 END WHEN f6_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND f6_h <= 23 AND f6_mi <= 59 AND f6_s <= 60), 0)) OR (NOT (f7_text IS NULL OR f7_text = '') AND NOT coalesce(1, 0)) OR (NOT (f8_text IS NULL OR coalesce(NOT match(f8_text, '[^\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]'), 0)) AND NOT coalesce(f8_w IN ('true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'), 0)) OR (NOT (f9_text IS NULL OR coalesce(NOT match(f9_text, '[^\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]'), 0)) AND NOT coalesce(f9_w IN ('true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'), 0)) OR (NOT (f10_text IS NULL OR coalesce(NOT match(f10_text, '[^\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]'), 0)) AND NOT coalesce(f10_w IN ('true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'), 0)) OR (NOT (f11_text IS NULL OR coalesce(NOT match(f11_text, '[^\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]'), 0)) AND NOT coalesce(f11_w IN ('true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'), 0)) OR (NOT (f12_text IS NULL OR f12_text = '') AND NOT coalesce(1, 0)) OR (NOT (f13_text IS NULL OR f13_text = '') AND NOT coalesce(1, 0)) AS invalid,
  f12 AS k0,
  f13 AS k1,
  NOT invalid AND coalesce(lowerUTF8(replaceRegexpAll(f2, '^[\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+|[\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+$', '')) IN ('mfn', 'merchant', 'seller'), 0) AND f1 >= as_of_ms - 5097600000 AND f1 < as_of_ms + 86400000 AS m0,
  ((coalesce(f9, 0) OR coalesce(f10, 0)) OR coalesce(f11, 0)) AS h0,
  NOT invalid AND coalesce(lowerUTF8(replaceRegexpAll(f2, '^[\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+|[\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+$', '')) IN ('mfn', 'merchant', 'seller'), 0) AND f1 >= as_of_ms - 518400000 AND f1 < as_of_ms + 86400000 AS m1,
  coalesce(f4 = 'seller', 0) AS h1,
  NOT invalid AND (coalesce(lowerUTF8(replaceRegexpAll(f2, '^[\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+|[\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+$', '')) IN ('mfn', 'merchant', 'seller'), 0) AND (f6 IS NOT NULL)) AND f5 >= as_of_ms - 777600000 AND f5 < as_of_ms + 86400000 AS m2,
  coalesce(f6 > f5, 0) AS h2,
  NOT invalid AND (coalesce(lowerUTF8(replaceRegexpAll(f2, '^[\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+|[\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+$', '')) IN ('mfn', 'merchant', 'seller'), 0) AND (f6 IS NOT NULL)) AND f5 >= as_of_ms - 2505600000 AND f5 < as_of_ms + 86400000 AS m3,
  coalesce(f6 > f5, 0) AS h3,
  NOT invalid AND (coalesce(lowerUTF8(replaceRegexpAll(f2, '^[\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+|[\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+$', '')) IN ('mfn', 'merchant', 'seller'), 0) AND (f6 IS NOT NULL)) AND f6 >= as_of_ms - 2505600000 AND f6 < as_of_ms + 86400000 AS m4,
  ((NOT (f7 IS NULL OR replaceRegexpAll(f7, '^[\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+|[\\x{0009}\\x{000A}\\x{000B}\\x{000C}\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+$', '') = '')) AND (NOT coalesce(f8 = 0, 0))) AS h4
SELECT
  k0,
  k1,
  count(*) AS `records`,
  sum(CASE WHEN invalid THEN 1 ELSE 0 END) AS `unreadable`,
  sum(CASE WHEN m0 THEN 1 ELSE 0 END) AS `order-defect-rate records`,
  sum(CASE WHEN m0 AND h0 THEN 1 ELSE 0 END) AS `order-defect-rate numerator`,
  sum(CASE WHEN m1 THEN 1 ELSE 0 END) AS `pre-fulfillment-cancel-rate records`,
  sum(CASE WHEN m1 AND h1 THEN 1 ELSE 0 END) AS `pre-fulfillment-cancel-rate numerator`,
  sum(CASE WHEN m2 THEN 1 ELSE 0 END) AS `late-shipment-rate-10d records`,
  sum(CASE WHEN m2 AND h2 THEN 1 ELSE 0 END) AS `late-shipment-rate-10d numerator`,
  sum(CASE WHEN m3 THEN 1 ELSE 0 END) AS `late-shipment-rate-30d records`,
  sum(CASE WHEN m3 AND h3 THEN 1 ELSE 0 END) AS `late-shipment-rate-30d numerator`,
  sum(CASE WHEN m4 THEN 1 ELSE 0 END) AS `valid-tracking-rate records`,
  sum(CASE WHEN m4 AND h4 THEN 1 ELSE 0 END) AS `valid-tracking-rate numerator`
FROM `orders`
GROUP BY k0, k1

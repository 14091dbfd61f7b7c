-- Metrics of the policy account-health-orders (Account health from order reports).
-- Source: Amazon Seller Central: Customer service performance and Shipping performance (targets and time windows); Amazon Account Health Rating
-- Parameter as_of: the as-of day, bound as a DATE or a YYYY-MM-DD string.
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
SELECT
  k0 AS "sku",
  k1 AS "asin",
  count(*) AS "records",
  sum(CASE WHEN invalid THEN 1 ELSE 0 END) AS "unreadable",
  sum(CASE WHEN m0 THEN 1 ELSE 0 END) AS "order-defect-rate records",
  sum(CASE WHEN m0 AND h0 THEN 1 ELSE 0 END) AS "order-defect-rate numerator",
  sum(CASE WHEN m1 THEN 1 ELSE 0 END) AS "pre-fulfillment-cancel-rate records",
  sum(CASE WHEN m1 AND h1 THEN 1 ELSE 0 END) AS "pre-fulfillment-cancel-rate numerator",
  sum(CASE WHEN m2 THEN 1 ELSE 0 END) AS "late-shipment-rate-10d records",
  sum(CASE WHEN m2 AND h2 THEN 1 ELSE 0 END) AS "late-shipment-rate-10d numerator",
  sum(CASE WHEN m3 THEN 1 ELSE 0 END) AS "late-shipment-rate-30d records",
  sum(CASE WHEN m3 AND h3 THEN 1 ELSE 0 END) AS "late-shipment-rate-30d numerator",
  sum(CASE WHEN m4 THEN 1 ELSE 0 END) AS "valid-tracking-rate records",
  sum(CASE WHEN m4 AND h4 THEN 1 ELSE 0 END) AS "valid-tracking-rate numerator"
FROM (
  SELECT
    f12 AS k0,
    f13 AS k1,
    NOT invalid AND coalesce(lower(regexp_replace(f2, '^[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g')) IN ('mfn', 'merchant', 'seller'), FALSE) AND f1 >= as_of_ms - 5097600000 AND f1 < as_of_ms + 86400000 AS m0,
    ((coalesce(f9, FALSE) OR coalesce(f10, FALSE)) OR coalesce(f11, FALSE)) AS h0,
    NOT invalid AND coalesce(lower(regexp_replace(f2, '^[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g')) IN ('mfn', 'merchant', 'seller'), FALSE) AND f1 >= as_of_ms - 518400000 AND f1 < as_of_ms + 86400000 AS m1,
    coalesce(f4 = 'seller', FALSE) AS h1,
    NOT invalid AND (coalesce(lower(regexp_replace(f2, '^[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g')) IN ('mfn', 'merchant', 'seller'), FALSE) AND (f6 IS NOT NULL)) AND f5 >= as_of_ms - 777600000 AND f5 < as_of_ms + 86400000 AS m2,
    coalesce(f6 > f5, FALSE) AS h2,
    NOT invalid AND (coalesce(lower(regexp_replace(f2, '^[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g')) IN ('mfn', 'merchant', 'seller'), FALSE) AND (f6 IS NOT NULL)) AND f5 >= as_of_ms - 2505600000 AND f5 < as_of_ms + 86400000 AS m3,
    coalesce(f6 > f5, FALSE) AS h3,
    NOT invalid AND (coalesce(lower(regexp_replace(f2, '^[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g')) IN ('mfn', 'merchant', 'seller'), FALSE) AND (f6 IS NOT NULL)) AND f6 >= as_of_ms - 2505600000 AND f6 < as_of_ms + 86400000 AS m4,
    ((NOT (f7 IS NULL OR regexp_replace(f7, '^[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g') = '')) AND (NOT coalesce(f8 = FALSE, FALSE))) AS h4,
    invalid
  FROM (
    SELECT
      CASE WHEN (f0_text IS NULL) THEN CAST(NULL AS VARCHAR) WHEN coalesce(TRUE, FALSE) THEN f0_text END AS f0,
      CASE WHEN (f1_text IS NULL OR coalesce(NOT regexp_matches(f1_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) THEN CAST(NULL AS DOUBLE) WHEN coalesce((f1_m AND f1_mo BETWEEN 1 AND 12 AND f1_d BETWEEN 1 AND CASE WHEN f1_mo = 2 THEN CASE WHEN ((((f1_y) % (4)) = 0 AND ((f1_y) % (100)) <> 0) OR ((f1_y) % (400)) = 0) THEN 29 ELSE 28 END WHEN f1_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND f1_h <= 23 AND f1_mi <= 59 AND f1_s <= 60), FALSE) THEN ((365 * (f1_y - ((14 - f1_mo) // (12))) + (((f1_y - ((14 - f1_mo) // (12)))) // (4)) - (((f1_y - ((14 - f1_mo) // (12)))) // (100)) + (((f1_y - ((14 - f1_mo) // (12)))) // (400)) + ((153 * ((f1_mo + 9) % (12)) + 2) // (5)) + f1_d - 1 - 719468) * 86400000 + ((f1_h * 60 + f1_mi) * 60 + f1_s) * 1000 + floor(f1_f * 1000 + 0.5) - f1_zs * (f1_zh * 60 + f1_zm) * 60000) END AS f1,
      CASE WHEN (f2_text IS NULL) THEN CAST(NULL AS VARCHAR) WHEN coalesce(TRUE, FALSE) THEN f2_text END AS f2,
      CASE WHEN (f3_text IS NULL OR f3_text = '') THEN CAST(NULL AS VARCHAR) WHEN coalesce(TRUE, FALSE) THEN f3_text END AS f3,
      CASE WHEN (f4_text IS NULL OR coalesce(NOT regexp_matches(f4_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) THEN CAST(NULL AS VARCHAR) WHEN coalesce(list_contains(['seller', 'buyer'], f4_w), FALSE) THEN CASE WHEN f4_w = 'seller' THEN 'seller' WHEN f4_w = 'buyer' THEN 'buyer' END END AS f4,
      CASE WHEN (f5_text IS NULL OR coalesce(NOT regexp_matches(f5_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) THEN CAST(NULL AS DOUBLE) WHEN coalesce((f5_m AND f5_mo BETWEEN 1 AND 12 AND f5_d BETWEEN 1 AND CASE WHEN f5_mo = 2 THEN CASE WHEN ((((f5_y) % (4)) = 0 AND ((f5_y) % (100)) <> 0) OR ((f5_y) % (400)) = 0) THEN 29 ELSE 28 END WHEN f5_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND f5_h <= 23 AND f5_mi <= 59 AND f5_s <= 60), FALSE) THEN ((365 * (f5_y - ((14 - f5_mo) // (12))) + (((f5_y - ((14 - f5_mo) // (12)))) // (4)) - (((f5_y - ((14 - f5_mo) // (12)))) // (100)) + (((f5_y - ((14 - f5_mo) // (12)))) // (400)) + ((153 * ((f5_mo + 9) % (12)) + 2) // (5)) + f5_d - 1 - 719468) * 86400000 + ((f5_h * 60 + f5_mi) * 60 + f5_s) * 1000 + floor(f5_f * 1000 + 0.5) - f5_zs * (f5_zh * 60 + f5_zm) * 60000) END AS f5,
      CASE WHEN (f6_text IS NULL OR coalesce(NOT regexp_matches(f6_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) THEN CAST(NULL AS DOUBLE) WHEN coalesce((f6_m AND f6_mo BETWEEN 1 AND 12 AND f6_d BETWEEN 1 AND CASE WHEN f6_mo = 2 THEN CASE WHEN ((((f6_y) % (4)) = 0 AND ((f6_y) % (100)) <> 0) OR ((f6_y) % (400)) = 0) THEN 29 ELSE 28 END WHEN f6_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND f6_h <= 23 AND f6_mi <= 59 AND f6_s <= 60), FALSE) THEN ((365 * (f6_y - ((14 - f6_mo) // (12))) + (((f6_y - ((14 - f6_mo) // (12)))) // (4)) - (((f6_y - ((14 - f6_mo) // (12)))) // (100)) + (((f6_y - ((14 - f6_mo) // (12)))) // (400)) + ((153 * ((f6_mo + 9) % (12)) + 2) // (5)) + f6_d - 1 - 719468) * 86400000 + ((f6_h * 60 + f6_mi) * 60 + f6_s) * 1000 + floor(f6_f * 1000 + 0.5) - f6_zs * (f6_zh * 60 + f6_zm) * 60000) END AS f6,
      CASE WHEN (f7_text IS NULL OR f7_text = '') THEN CAST(NULL AS VARCHAR) WHEN coalesce(TRUE, FALSE) THEN f7_text END AS f7,
      CASE WHEN (f8_text IS NULL OR coalesce(NOT regexp_matches(f8_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) THEN CAST(NULL AS BOOLEAN) WHEN coalesce(list_contains(['true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'], f8_w), FALSE) THEN CASE WHEN list_contains(['true', 'yes', 'y', '1', 't'], f8_w) THEN TRUE WHEN list_contains(['false', 'no', 'n', '0', 'f'], f8_w) THEN FALSE END END AS f8,
      CASE WHEN (f9_text IS NULL OR coalesce(NOT regexp_matches(f9_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) THEN FALSE WHEN coalesce(list_contains(['true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'], f9_w), FALSE) THEN CASE WHEN list_contains(['true', 'yes', 'y', '1', 't'], f9_w) THEN TRUE WHEN list_contains(['false', 'no', 'n', '0', 'f'], f9_w) THEN FALSE END END AS f9,
      CASE WHEN (f10_text IS NULL OR coalesce(NOT regexp_matches(f10_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) THEN FALSE WHEN coalesce(list_contains(['true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'], f10_w), FALSE) THEN CASE WHEN list_contains(['true', 'yes', 'y', '1', 't'], f10_w) THEN TRUE WHEN list_contains(['false', 'no', 'n', '0', 'f'], f10_w) THEN FALSE END END AS f10,
      CASE WHEN (f11_text IS NULL OR coalesce(NOT regexp_matches(f11_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) THEN FALSE WHEN coalesce(list_contains(['true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'], f11_w), FALSE) THEN CASE WHEN list_contains(['true', 'yes', 'y', '1', 't'], f11_w) THEN TRUE WHEN list_contains(['false', 'no', 'n', '0', 'f'], f11_w) THEN FALSE END END AS f11,
      CASE WHEN (f12_text IS NULL OR f12_text = '') THEN CAST(NULL AS VARCHAR) WHEN coalesce(TRUE, FALSE) THEN f12_text END AS f12,
      CASE WHEN (f13_text IS NULL OR f13_text = '') THEN CAST(NULL AS VARCHAR) WHEN coalesce(TRUE, FALSE) THEN f13_text END AS f13,
      ((f0_text IS NULL) OR NOT coalesce(TRUE, FALSE)) OR ((f1_text IS NULL OR coalesce(NOT regexp_matches(f1_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) OR NOT coalesce((f1_m AND f1_mo BETWEEN 1 AND 12 AND f1_d BETWEEN 1 AND CASE WHEN f1_mo = 2 THEN CASE WHEN ((((f1_y) % (4)) = 0 AND ((f1_y) % (100)) <> 0) OR ((f1_y) % (400)) = 0) THEN 29 ELSE 28 END WHEN f1_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND f1_h <= 23 AND f1_mi <= 59 AND f1_s <= 60), FALSE)) OR ((f2_text IS NULL) OR NOT coalesce(TRUE, FALSE)) OR (NOT (f3_text IS NULL OR f3_text = '') AND NOT coalesce(TRUE, FALSE)) OR (NOT (f4_text IS NULL OR coalesce(NOT regexp_matches(f4_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) AND NOT coalesce(list_contains(['seller', 'buyer'], f4_w), FALSE)) OR (NOT (f5_text IS NULL OR coalesce(NOT regexp_matches(f5_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) AND NOT coalesce((f5_m AND f5_mo BETWEEN 1 AND 12 AND f5_d BETWEEN 1 AND CASE WHEN f5_mo = 2 THEN CASE WHEN ((((f5_y) % (4)) = 0 AND ((f5_y) % (100)) <> 0) OR ((f5_y) % (400)) = 0) THEN 29 ELSE 28 END WHEN f5_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND f5_h <= 23 AND f5_mi <= 59 AND f5_s <= 60), FALSE)) OR (NOT (f6_text IS NULL OR coalesce(NOT regexp_matches(f6_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) AND NOT coalesce((f6_m AND f6_mo BETWEEN 1 AND 12 AND f6_d BETWEEN 1 AND CASE WHEN f6_mo = 2 THEN CASE WHEN ((((f6_y) % (4)) = 0 AND ((f6_y) % (100)) <> 0) OR ((f6_y) % (400)) = 0) THEN 29 ELSE 28 END WHEN f6_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND f6_h <= 23 AND f6_mi <= 59 AND f6_s <= 60), FALSE)) OR (NOT (f7_text IS NULL OR f7_text = '') AND NOT coalesce(TRUE, FALSE)) OR (NOT (f8_text IS NULL OR coalesce(NOT regexp_matches(f8_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) AND NOT coalesce(list_contains(['true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'], f8_w), FALSE)) OR (NOT (f9_text IS NULL OR coalesce(NOT regexp_matches(f9_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) AND NOT coalesce(list_contains(['true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'], f9_w), FALSE)) OR (NOT (f10_text IS NULL OR coalesce(NOT regexp_matches(f10_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) AND NOT coalesce(list_contains(['true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'], f10_w), FALSE)) OR (NOT (f11_text IS NULL OR coalesce(NOT regexp_matches(f11_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) AND NOT coalesce(list_contains(['true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'], f11_w), FALSE)) OR (NOT (f12_text IS NULL OR f12_text = '') AND NOT coalesce(TRUE, FALSE)) OR (NOT (f13_text IS NULL OR f13_text = '') AND NOT coalesce(TRUE, FALSE)) AS invalid,
      as_of_ms
    FROM (
      SELECT *,
        CAST(coalesce(nullif(f1_g.y, ''), '0') AS BIGINT) AS f1_y,
        CAST(coalesce(nullif(f1_g.mo, ''), '0') AS BIGINT) AS f1_mo,
        CAST(coalesce(nullif(f1_g.d, ''), '0') AS BIGINT) AS f1_d,
        CAST(coalesce(nullif(f1_g.h, ''), '0') AS BIGINT) AS f1_h,
        CAST(coalesce(nullif(f1_g.mi, ''), '0') AS BIGINT) AS f1_mi,
        CAST(coalesce(nullif(f1_g.s, ''), '0') AS BIGINT) AS f1_s,
        CAST(coalesce(nullif(f1_g.zh, ''), '0') AS BIGINT) AS f1_zh,
        CAST(coalesce(nullif(f1_g.zm, ''), '0') AS BIGINT) AS f1_zm,
        CAST(('0' || coalesce(nullif(f1_g.f, ''), '.0')) AS DOUBLE) AS f1_f,
        CASE WHEN coalesce(nullif(f1_g.zs, '') = '-', FALSE) THEN -1 ELSE 1 END AS f1_zs,
        nullif(f1_g.y, '') IS NOT NULL AS f1_m,
        CAST(coalesce(nullif(f5_g.y, ''), '0') AS BIGINT) AS f5_y,
        CAST(coalesce(nullif(f5_g.mo, ''), '0') AS BIGINT) AS f5_mo,
        CAST(coalesce(nullif(f5_g.d, ''), '0') AS BIGINT) AS f5_d,
        CAST(coalesce(nullif(f5_g.h, ''), '0') AS BIGINT) AS f5_h,
        CAST(coalesce(nullif(f5_g.mi, ''), '0') AS BIGINT) AS f5_mi,
        CAST(coalesce(nullif(f5_g.s, ''), '0') AS BIGINT) AS f5_s,
        CAST(coalesce(nullif(f5_g.zh, ''), '0') AS BIGINT) AS f5_zh,
        CAST(coalesce(nullif(f5_g.zm, ''), '0') AS BIGINT) AS f5_zm,
        CAST(('0' || coalesce(nullif(f5_g.f, ''), '.0')) AS DOUBLE) AS f5_f,
        CASE WHEN coalesce(nullif(f5_g.zs, '') = '-', FALSE) THEN -1 ELSE 1 END AS f5_zs,
        nullif(f5_g.y, '') IS NOT NULL AS f5_m,
        CAST(coalesce(nullif(f6_g.y, ''), '0') AS BIGINT) AS f6_y,
        CAST(coalesce(nullif(f6_g.mo, ''), '0') AS BIGINT) AS f6_mo,
        CAST(coalesce(nullif(f6_g.d, ''), '0') AS BIGINT) AS f6_d,
        CAST(coalesce(nullif(f6_g.h, ''), '0') AS BIGINT) AS f6_h,
        CAST(coalesce(nullif(f6_g.mi, ''), '0') AS BIGINT) AS f6_mi,
        CAST(coalesce(nullif(f6_g.s, ''), '0') AS BIGINT) AS f6_s,
        CAST(coalesce(nullif(f6_g.zh, ''), '0') AS BIGINT) AS f6_zh,
        CAST(coalesce(nullif(f6_g.zm, ''), '0') AS BIGINT) AS f6_zm,
        CAST(('0' || coalesce(nullif(f6_g.f, ''), '.0')) AS DOUBLE) AS f6_f,
        CASE WHEN coalesce(nullif(f6_g.zs, '') = '-', FALSE) THEN -1 ELSE 1 END AS f6_zs,
        nullif(f6_g.y, '') IS NOT NULL AS f6_m
      FROM (
        SELECT
          CAST("orderId" AS VARCHAR) AS f0_text,
        CAST("purchaseDate" AS VARCHAR) AS f1_text,
        regexp_extract(CAST("purchaseDate" AS VARCHAR), '^\s*(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(?:[Zz]|[Uu][Tt][Cc]|([+-])(\d{2}):?(\d{2}))?)?\s*$', ['y', 'mo', 'd', 'h', 'mi', 's', 'f', 'zs', 'zh', 'zm']) AS f1_g,
        CAST("fulfillmentChannel" AS VARCHAR) AS f2_text,
        CAST("orderStatus" AS VARCHAR) AS f3_text,
        CAST("cancelledBy" AS VARCHAR) AS f4_text,
        lower(regexp_replace(CAST("cancelledBy" AS VARCHAR), '^[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g')) AS f4_w,
        CAST("expectedShipDate" AS VARCHAR) AS f5_text,
        regexp_extract(CAST("expectedShipDate" AS VARCHAR), '^\s*(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(?:[Zz]|[Uu][Tt][Cc]|([+-])(\d{2}):?(\d{2}))?)?\s*$', ['y', 'mo', 'd', 'h', 'mi', 's', 'f', 'zs', 'zh', 'zm']) AS f5_g,
        CAST("shipDate" AS VARCHAR) AS f6_text,
        regexp_extract(CAST("shipDate" AS VARCHAR), '^\s*(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(?:[Zz]|[Uu][Tt][Cc]|([+-])(\d{2}):?(\d{2}))?)?\s*$', ['y', 'mo', 'd', 'h', 'mi', 's', 'f', 'zs', 'zh', 'zm']) AS f6_g,
        CAST("trackingId" AS VARCHAR) AS f7_text,
        CAST("trackingValid" AS VARCHAR) AS f8_text,
        lower(regexp_replace(CAST("trackingValid" AS VARCHAR), '^[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g')) AS f8_w,
        CAST("negativeFeedback" AS VARCHAR) AS f9_text,
        lower(regexp_replace(CAST("negativeFeedback" AS VARCHAR), '^[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g')) AS f9_w,
        CAST("azClaim" AS VARCHAR) AS f10_text,
        lower(regexp_replace(CAST("azClaim" AS VARCHAR), '^[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g')) AS f10_w,
        CAST("chargeback" AS VARCHAR) AS f11_text,
        lower(regexp_replace(CAST("chargeback" AS VARCHAR), '^[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g')) AS f11_w,
        CAST("sku" AS VARCHAR) AS f12_text,
        CAST("asin" AS VARCHAR) AS f13_text,
        (CAST(CAST($as_of AS DATE) - DATE '1970-01-01' AS BIGINT) * 86400000) AS as_of_ms
        FROM "orders"
      ) AS cells
    ) AS parts
  ) AS typed
) AS per_record
GROUP BY k0, k1

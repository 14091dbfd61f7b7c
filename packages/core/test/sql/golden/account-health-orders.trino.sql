-- Metrics of the policy account-health-orders (Account health from order reports).
-- Source: Amazon Seller Central: Customer service performance and Shipping performance (targets and time windows); Amazon Account Health Rating
-- Parameter ?: the as-of day, bound as a DATE (EXECUTE ... USING DATE 'YYYY-MM-DD').
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
  sg_k0 AS "sku",
  sg_k1 AS "asin",
  count(*) AS "records",
  sum(CASE WHEN sg_invalid THEN 1 ELSE 0 END) AS "unreadable",
  sum(CASE WHEN sg_m0 THEN 1 ELSE 0 END) AS "order-defect-rate records",
  sum(CASE WHEN sg_m0 AND sg_h0 THEN 1 ELSE 0 END) AS "order-defect-rate numerator",
  sum(CASE WHEN sg_m1 THEN 1 ELSE 0 END) AS "pre-fulfillment-cancel-rate records",
  sum(CASE WHEN sg_m1 AND sg_h1 THEN 1 ELSE 0 END) AS "pre-fulfillment-cancel-rate numerator",
  sum(CASE WHEN sg_m2 THEN 1 ELSE 0 END) AS "late-shipment-rate-10d records",
  sum(CASE WHEN sg_m2 AND sg_h2 THEN 1 ELSE 0 END) AS "late-shipment-rate-10d numerator",
  sum(CASE WHEN sg_m3 THEN 1 ELSE 0 END) AS "late-shipment-rate-30d records",
  sum(CASE WHEN sg_m3 AND sg_h3 THEN 1 ELSE 0 END) AS "late-shipment-rate-30d numerator",
  sum(CASE WHEN sg_m4 THEN 1 ELSE 0 END) AS "valid-tracking-rate records",
  sum(CASE WHEN sg_m4 AND sg_h4 THEN 1 ELSE 0 END) AS "valid-tracking-rate numerator"
FROM (
  SELECT
    sg_f12 AS sg_k0,
    sg_f13 AS sg_k1,
    NOT sg_invalid AND coalesce(lower(regexp_replace(sg_f2, '^[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '')) IN ('mfn', 'merchant', 'seller'), FALSE) AND sg_f1 >= sg_as_of_ms - 5097600000 AND sg_f1 < sg_as_of_ms + 86400000 AS sg_m0,
    ((coalesce(sg_f9, FALSE) OR coalesce(sg_f10, FALSE)) OR coalesce(sg_f11, FALSE)) AS sg_h0,
    NOT sg_invalid AND coalesce(lower(regexp_replace(sg_f2, '^[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '')) IN ('mfn', 'merchant', 'seller'), FALSE) AND sg_f1 >= sg_as_of_ms - 518400000 AND sg_f1 < sg_as_of_ms + 86400000 AS sg_m1,
    coalesce(sg_f4 = 'seller', FALSE) AS sg_h1,
    NOT sg_invalid AND (coalesce(lower(regexp_replace(sg_f2, '^[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '')) IN ('mfn', 'merchant', 'seller'), FALSE) AND (sg_f6 IS NOT NULL)) AND sg_f5 >= sg_as_of_ms - 777600000 AND sg_f5 < sg_as_of_ms + 86400000 AS sg_m2,
    coalesce(sg_f6 > sg_f5, FALSE) AS sg_h2,
    NOT sg_invalid AND (coalesce(lower(regexp_replace(sg_f2, '^[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '')) IN ('mfn', 'merchant', 'seller'), FALSE) AND (sg_f6 IS NOT NULL)) AND sg_f5 >= sg_as_of_ms - 2505600000 AND sg_f5 < sg_as_of_ms + 86400000 AS sg_m3,
    coalesce(sg_f6 > sg_f5, FALSE) AS sg_h3,
    NOT sg_invalid AND (coalesce(lower(regexp_replace(sg_f2, '^[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '')) IN ('mfn', 'merchant', 'seller'), FALSE) AND (sg_f6 IS NOT NULL)) AND sg_f6 >= sg_as_of_ms - 2505600000 AND sg_f6 < sg_as_of_ms + 86400000 AS sg_m4,
    ((NOT (sg_f7 IS NULL OR regexp_replace(sg_f7, '^[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '') = '')) AND (NOT coalesce(sg_f8 = FALSE, FALSE))) AS sg_h4,
    sg_invalid
  FROM (
    SELECT
      CASE WHEN (sg_f0_text IS NULL) THEN CAST(NULL AS VARCHAR) WHEN coalesce(TRUE, FALSE) THEN sg_f0_text END AS sg_f0,
      CASE WHEN (sg_f1_text IS NULL OR coalesce(NOT regexp_like(sg_f1_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) THEN CAST(NULL AS DOUBLE) WHEN coalesce((regexp_like(sg_f1_text, '^\s*\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[Zz]|[Uu][Tt][Cc]|[+-]\d{2}:?\d{2})?)?\s*$') AND sg_f1_mo BETWEEN 1 AND 12 AND sg_f1_d BETWEEN 1 AND CASE WHEN sg_f1_mo = 2 THEN CASE WHEN ((mod(sg_f1_y, 4) = 0 AND mod(sg_f1_y, 100) <> 0) OR mod(sg_f1_y, 400) = 0) THEN 29 ELSE 28 END WHEN sg_f1_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND sg_f1_h <= 23 AND sg_f1_mi <= 59 AND sg_f1_s <= 60), FALSE) THEN ((365 * (sg_f1_y - ((14 - sg_f1_mo) / (12))) + (((sg_f1_y - ((14 - sg_f1_mo) / (12)))) / (4)) - (((sg_f1_y - ((14 - sg_f1_mo) / (12)))) / (100)) + (((sg_f1_y - ((14 - sg_f1_mo) / (12)))) / (400)) + ((153 * mod(sg_f1_mo + 9, 12) + 2) / (5)) + sg_f1_d - 1 - 719468) * 86400000 + ((sg_f1_h * 60 + sg_f1_mi) * 60 + sg_f1_s) * 1000 + floor(sg_f1_f * 1000 + 0.5) - sg_f1_zs * (sg_f1_zh * 60 + sg_f1_zm) * 60000) END AS sg_f1,
      CASE WHEN (sg_f2_text IS NULL) THEN CAST(NULL AS VARCHAR) WHEN coalesce(TRUE, FALSE) THEN sg_f2_text END AS sg_f2,
      CASE WHEN (sg_f3_text IS NULL OR sg_f3_text = '') THEN CAST(NULL AS VARCHAR) WHEN coalesce(TRUE, FALSE) THEN sg_f3_text END AS sg_f3,
      CASE WHEN (sg_f4_text IS NULL OR coalesce(NOT regexp_like(sg_f4_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) THEN CAST(NULL AS VARCHAR) WHEN coalesce(sg_f4_w IN ('seller', 'buyer'), FALSE) THEN CASE WHEN sg_f4_w = 'seller' THEN 'seller' WHEN sg_f4_w = 'buyer' THEN 'buyer' END END AS sg_f4,
      CASE WHEN (sg_f5_text IS NULL OR coalesce(NOT regexp_like(sg_f5_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) THEN CAST(NULL AS DOUBLE) WHEN coalesce((regexp_like(sg_f5_text, '^\s*\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[Zz]|[Uu][Tt][Cc]|[+-]\d{2}:?\d{2})?)?\s*$') AND sg_f5_mo BETWEEN 1 AND 12 AND sg_f5_d BETWEEN 1 AND CASE WHEN sg_f5_mo = 2 THEN CASE WHEN ((mod(sg_f5_y, 4) = 0 AND mod(sg_f5_y, 100) <> 0) OR mod(sg_f5_y, 400) = 0) THEN 29 ELSE 28 END WHEN sg_f5_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND sg_f5_h <= 23 AND sg_f5_mi <= 59 AND sg_f5_s <= 60), FALSE) THEN ((365 * (sg_f5_y - ((14 - sg_f5_mo) / (12))) + (((sg_f5_y - ((14 - sg_f5_mo) / (12)))) / (4)) - (((sg_f5_y - ((14 - sg_f5_mo) / (12)))) / (100)) + (((sg_f5_y - ((14 - sg_f5_mo) / (12)))) / (400)) + ((153 * mod(sg_f5_mo + 9, 12) + 2) / (5)) + sg_f5_d - 1 - 719468) * 86400000 + ((sg_f5_h * 60 + sg_f5_mi) * 60 + sg_f5_s) * 1000 + floor(sg_f5_f * 1000 + 0.5) - sg_f5_zs * (sg_f5_zh * 60 + sg_f5_zm) * 60000) END AS sg_f5,
      CASE WHEN (sg_f6_text IS NULL OR coalesce(NOT regexp_like(sg_f6_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) THEN CAST(NULL AS DOUBLE) WHEN coalesce((regexp_like(sg_f6_text, '^\s*\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[Zz]|[Uu][Tt][Cc]|[+-]\d{2}:?\d{2})?)?\s*$') AND sg_f6_mo BETWEEN 1 AND 12 AND sg_f6_d BETWEEN 1 AND CASE WHEN sg_f6_mo = 2 THEN CASE WHEN ((mod(sg_f6_y, 4) = 0 AND mod(sg_f6_y, 100) <> 0) OR mod(sg_f6_y, 400) = 0) THEN 29 ELSE 28 END WHEN sg_f6_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND sg_f6_h <= 23 AND sg_f6_mi <= 59 AND sg_f6_s <= 60), FALSE) THEN ((365 * (sg_f6_y - ((14 - sg_f6_mo) / (12))) + (((sg_f6_y - ((14 - sg_f6_mo) / (12)))) / (4)) - (((sg_f6_y - ((14 - sg_f6_mo) / (12)))) / (100)) + (((sg_f6_y - ((14 - sg_f6_mo) / (12)))) / (400)) + ((153 * mod(sg_f6_mo + 9, 12) + 2) / (5)) + sg_f6_d - 1 - 719468) * 86400000 + ((sg_f6_h * 60 + sg_f6_mi) * 60 + sg_f6_s) * 1000 + floor(sg_f6_f * 1000 + 0.5) - sg_f6_zs * (sg_f6_zh * 60 + sg_f6_zm) * 60000) END AS sg_f6,
      CASE WHEN (sg_f7_text IS NULL OR sg_f7_text = '') THEN CAST(NULL AS VARCHAR) WHEN coalesce(TRUE, FALSE) THEN sg_f7_text END AS sg_f7,
      CASE WHEN (sg_f8_text IS NULL OR coalesce(NOT regexp_like(sg_f8_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) THEN CAST(NULL AS BOOLEAN) WHEN coalesce(sg_f8_w IN ('true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'), FALSE) THEN CASE WHEN sg_f8_w IN ('true', 'yes', 'y', '1', 't') THEN TRUE WHEN sg_f8_w IN ('false', 'no', 'n', '0', 'f') THEN FALSE END END AS sg_f8,
      CASE WHEN (sg_f9_text IS NULL OR coalesce(NOT regexp_like(sg_f9_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) THEN FALSE WHEN coalesce(sg_f9_w IN ('true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'), FALSE) THEN CASE WHEN sg_f9_w IN ('true', 'yes', 'y', '1', 't') THEN TRUE WHEN sg_f9_w IN ('false', 'no', 'n', '0', 'f') THEN FALSE END END AS sg_f9,
      CASE WHEN (sg_f10_text IS NULL OR coalesce(NOT regexp_like(sg_f10_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) THEN FALSE WHEN coalesce(sg_f10_w IN ('true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'), FALSE) THEN CASE WHEN sg_f10_w IN ('true', 'yes', 'y', '1', 't') THEN TRUE WHEN sg_f10_w IN ('false', 'no', 'n', '0', 'f') THEN FALSE END END AS sg_f10,
      CASE WHEN (sg_f11_text IS NULL OR coalesce(NOT regexp_like(sg_f11_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) THEN FALSE WHEN coalesce(sg_f11_w IN ('true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'), FALSE) THEN CASE WHEN sg_f11_w IN ('true', 'yes', 'y', '1', 't') THEN TRUE WHEN sg_f11_w IN ('false', 'no', 'n', '0', 'f') THEN FALSE END END AS sg_f11,
      CASE WHEN (sg_f12_text IS NULL OR sg_f12_text = '') THEN CAST(NULL AS VARCHAR) WHEN coalesce(TRUE, FALSE) THEN sg_f12_text END AS sg_f12,
      CASE WHEN (sg_f13_text IS NULL OR sg_f13_text = '') THEN CAST(NULL AS VARCHAR) WHEN coalesce(TRUE, FALSE) THEN sg_f13_text END AS sg_f13,
      ((sg_f0_text IS NULL) OR NOT coalesce(TRUE, FALSE)) OR ((sg_f1_text IS NULL OR coalesce(NOT regexp_like(sg_f1_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) OR NOT coalesce((regexp_like(sg_f1_text, '^\s*\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[Zz]|[Uu][Tt][Cc]|[+-]\d{2}:?\d{2})?)?\s*$') AND sg_f1_mo BETWEEN 1 AND 12 AND sg_f1_d BETWEEN 1 AND CASE WHEN sg_f1_mo = 2 THEN CASE WHEN ((mod(sg_f1_y, 4) = 0 AND mod(sg_f1_y, 100) <> 0) OR mod(sg_f1_y, 400) = 0) THEN 29 ELSE 28 END WHEN sg_f1_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND sg_f1_h <= 23 AND sg_f1_mi <= 59 AND sg_f1_s <= 60), FALSE)) OR ((sg_f2_text IS NULL) OR NOT coalesce(TRUE, FALSE)) OR (NOT (sg_f3_text IS NULL OR sg_f3_text = '') AND NOT coalesce(TRUE, FALSE)) OR (NOT (sg_f4_text IS NULL OR coalesce(NOT regexp_like(sg_f4_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) AND NOT coalesce(sg_f4_w IN ('seller', 'buyer'), FALSE)) OR (NOT (sg_f5_text IS NULL OR coalesce(NOT regexp_like(sg_f5_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) AND NOT coalesce((regexp_like(sg_f5_text, '^\s*\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[Zz]|[Uu][Tt][Cc]|[+-]\d{2}:?\d{2})?)?\s*$') AND sg_f5_mo BETWEEN 1 AND 12 AND sg_f5_d BETWEEN 1 AND CASE WHEN sg_f5_mo = 2 THEN CASE WHEN ((mod(sg_f5_y, 4) = 0 AND mod(sg_f5_y, 100) <> 0) OR mod(sg_f5_y, 400) = 0) THEN 29 ELSE 28 END WHEN sg_f5_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND sg_f5_h <= 23 AND sg_f5_mi <= 59 AND sg_f5_s <= 60), FALSE)) OR (NOT (sg_f6_text IS NULL OR coalesce(NOT regexp_like(sg_f6_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) AND NOT coalesce((regexp_like(sg_f6_text, '^\s*\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[Zz]|[Uu][Tt][Cc]|[+-]\d{2}:?\d{2})?)?\s*$') AND sg_f6_mo BETWEEN 1 AND 12 AND sg_f6_d BETWEEN 1 AND CASE WHEN sg_f6_mo = 2 THEN CASE WHEN ((mod(sg_f6_y, 4) = 0 AND mod(sg_f6_y, 100) <> 0) OR mod(sg_f6_y, 400) = 0) THEN 29 ELSE 28 END WHEN sg_f6_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND sg_f6_h <= 23 AND sg_f6_mi <= 59 AND sg_f6_s <= 60), FALSE)) OR (NOT (sg_f7_text IS NULL OR sg_f7_text = '') AND NOT coalesce(TRUE, FALSE)) OR (NOT (sg_f8_text IS NULL OR coalesce(NOT regexp_like(sg_f8_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) AND NOT coalesce(sg_f8_w IN ('true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'), FALSE)) OR (NOT (sg_f9_text IS NULL OR coalesce(NOT regexp_like(sg_f9_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) AND NOT coalesce(sg_f9_w IN ('true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'), FALSE)) OR (NOT (sg_f10_text IS NULL OR coalesce(NOT regexp_like(sg_f10_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) AND NOT coalesce(sg_f10_w IN ('true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'), FALSE)) OR (NOT (sg_f11_text IS NULL OR coalesce(NOT regexp_like(sg_f11_text, '[^\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]'), FALSE)) AND NOT coalesce(sg_f11_w IN ('true', 'yes', 'y', '1', 't', 'false', 'no', 'n', '0', 'f'), FALSE)) OR (NOT (sg_f12_text IS NULL OR sg_f12_text = '') AND NOT coalesce(TRUE, FALSE)) OR (NOT (sg_f13_text IS NULL OR sg_f13_text = '') AND NOT coalesce(TRUE, FALSE)) AS sg_invalid,
      sg_as_of_ms
    FROM (
      SELECT
        CAST("orderId" AS VARCHAR) AS sg_f0_text,
        CAST("purchaseDate" AS VARCHAR) AS sg_f1_text,
        CAST(coalesce(nullif(regexp_extract(CAST("purchaseDate" AS VARCHAR), '^\s*(\d{4})-', 1), ''), '0') AS BIGINT) AS sg_f1_y,
        CAST(coalesce(nullif(regexp_extract(CAST("purchaseDate" AS VARCHAR), '^\s*\d{4}-(\d{2})-', 1), ''), '0') AS BIGINT) AS sg_f1_mo,
        CAST(coalesce(nullif(regexp_extract(CAST("purchaseDate" AS VARCHAR), '^\s*\d{4}-\d{2}-(\d{2})', 1), ''), '0') AS BIGINT) AS sg_f1_d,
        CAST(coalesce(nullif(regexp_extract(CAST("purchaseDate" AS VARCHAR), '^\s*\d{4}-\d{2}-\d{2}[Tt ](\d{2}):', 1), ''), '0') AS BIGINT) AS sg_f1_h,
        CAST(coalesce(nullif(regexp_extract(CAST("purchaseDate" AS VARCHAR), '^\s*\d{4}-\d{2}-\d{2}[Tt ]\d{2}:(\d{2})', 1), ''), '0') AS BIGINT) AS sg_f1_mi,
        CAST(coalesce(nullif(regexp_extract(CAST("purchaseDate" AS VARCHAR), '^\s*\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:(\d{2})', 1), ''), '0') AS BIGINT) AS sg_f1_s,
        CAST(coalesce(nullif(regexp_extract(CAST("purchaseDate" AS VARCHAR), '^\s*\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*[+-](\d{2}):?\d{2}\s*$', 1), ''), '0') AS BIGINT) AS sg_f1_zh,
        CAST(coalesce(nullif(regexp_extract(CAST("purchaseDate" AS VARCHAR), '^\s*\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*[+-]\d{2}:?(\d{2})\s*$', 1), ''), '0') AS BIGINT) AS sg_f1_zm,
        CAST(('0' || coalesce(nullif(regexp_extract(CAST("purchaseDate" AS VARCHAR), '^\s*\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)', 1), ''), '.0')) AS DOUBLE) AS sg_f1_f,
        CASE WHEN coalesce(regexp_extract(CAST("purchaseDate" AS VARCHAR), '^\s*\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*([+-])\d{2}:?\d{2}\s*$', 1) = '-', FALSE) THEN -1 ELSE 1 END AS sg_f1_zs,
        CAST("fulfillmentChannel" AS VARCHAR) AS sg_f2_text,
        CAST("orderStatus" AS VARCHAR) AS sg_f3_text,
        CAST("cancelledBy" AS VARCHAR) AS sg_f4_text,
        lower(regexp_replace(CAST("cancelledBy" AS VARCHAR), '^[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '')) AS sg_f4_w,
        CAST("expectedShipDate" AS VARCHAR) AS sg_f5_text,
        CAST(coalesce(nullif(regexp_extract(CAST("expectedShipDate" AS VARCHAR), '^\s*(\d{4})-', 1), ''), '0') AS BIGINT) AS sg_f5_y,
        CAST(coalesce(nullif(regexp_extract(CAST("expectedShipDate" AS VARCHAR), '^\s*\d{4}-(\d{2})-', 1), ''), '0') AS BIGINT) AS sg_f5_mo,
        CAST(coalesce(nullif(regexp_extract(CAST("expectedShipDate" AS VARCHAR), '^\s*\d{4}-\d{2}-(\d{2})', 1), ''), '0') AS BIGINT) AS sg_f5_d,
        CAST(coalesce(nullif(regexp_extract(CAST("expectedShipDate" AS VARCHAR), '^\s*\d{4}-\d{2}-\d{2}[Tt ](\d{2}):', 1), ''), '0') AS BIGINT) AS sg_f5_h,
        CAST(coalesce(nullif(regexp_extract(CAST("expectedShipDate" AS VARCHAR), '^\s*\d{4}-\d{2}-\d{2}[Tt ]\d{2}:(\d{2})', 1), ''), '0') AS BIGINT) AS sg_f5_mi,
        CAST(coalesce(nullif(regexp_extract(CAST("expectedShipDate" AS VARCHAR), '^\s*\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:(\d{2})', 1), ''), '0') AS BIGINT) AS sg_f5_s,
        CAST(coalesce(nullif(regexp_extract(CAST("expectedShipDate" AS VARCHAR), '^\s*\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*[+-](\d{2}):?\d{2}\s*$', 1), ''), '0') AS BIGINT) AS sg_f5_zh,
        CAST(coalesce(nullif(regexp_extract(CAST("expectedShipDate" AS VARCHAR), '^\s*\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*[+-]\d{2}:?(\d{2})\s*$', 1), ''), '0') AS BIGINT) AS sg_f5_zm,
        CAST(('0' || coalesce(nullif(regexp_extract(CAST("expectedShipDate" AS VARCHAR), '^\s*\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)', 1), ''), '.0')) AS DOUBLE) AS sg_f5_f,
        CASE WHEN coalesce(regexp_extract(CAST("expectedShipDate" AS VARCHAR), '^\s*\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*([+-])\d{2}:?\d{2}\s*$', 1) = '-', FALSE) THEN -1 ELSE 1 END AS sg_f5_zs,
        CAST("shipDate" AS VARCHAR) AS sg_f6_text,
        CAST(coalesce(nullif(regexp_extract(CAST("shipDate" AS VARCHAR), '^\s*(\d{4})-', 1), ''), '0') AS BIGINT) AS sg_f6_y,
        CAST(coalesce(nullif(regexp_extract(CAST("shipDate" AS VARCHAR), '^\s*\d{4}-(\d{2})-', 1), ''), '0') AS BIGINT) AS sg_f6_mo,
        CAST(coalesce(nullif(regexp_extract(CAST("shipDate" AS VARCHAR), '^\s*\d{4}-\d{2}-(\d{2})', 1), ''), '0') AS BIGINT) AS sg_f6_d,
        CAST(coalesce(nullif(regexp_extract(CAST("shipDate" AS VARCHAR), '^\s*\d{4}-\d{2}-\d{2}[Tt ](\d{2}):', 1), ''), '0') AS BIGINT) AS sg_f6_h,
        CAST(coalesce(nullif(regexp_extract(CAST("shipDate" AS VARCHAR), '^\s*\d{4}-\d{2}-\d{2}[Tt ]\d{2}:(\d{2})', 1), ''), '0') AS BIGINT) AS sg_f6_mi,
        CAST(coalesce(nullif(regexp_extract(CAST("shipDate" AS VARCHAR), '^\s*\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:(\d{2})', 1), ''), '0') AS BIGINT) AS sg_f6_s,
        CAST(coalesce(nullif(regexp_extract(CAST("shipDate" AS VARCHAR), '^\s*\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*[+-](\d{2}):?\d{2}\s*$', 1), ''), '0') AS BIGINT) AS sg_f6_zh,
        CAST(coalesce(nullif(regexp_extract(CAST("shipDate" AS VARCHAR), '^\s*\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*[+-]\d{2}:?(\d{2})\s*$', 1), ''), '0') AS BIGINT) AS sg_f6_zm,
        CAST(('0' || coalesce(nullif(regexp_extract(CAST("shipDate" AS VARCHAR), '^\s*\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)', 1), ''), '.0')) AS DOUBLE) AS sg_f6_f,
        CASE WHEN coalesce(regexp_extract(CAST("shipDate" AS VARCHAR), '^\s*\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*([+-])\d{2}:?\d{2}\s*$', 1) = '-', FALSE) THEN -1 ELSE 1 END AS sg_f6_zs,
        CAST("trackingId" AS VARCHAR) AS sg_f7_text,
        CAST("trackingValid" AS VARCHAR) AS sg_f8_text,
        lower(regexp_replace(CAST("trackingValid" AS VARCHAR), '^[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '')) AS sg_f8_w,
        CAST("negativeFeedback" AS VARCHAR) AS sg_f9_text,
        lower(regexp_replace(CAST("negativeFeedback" AS VARCHAR), '^[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '')) AS sg_f9_w,
        CAST("azClaim" AS VARCHAR) AS sg_f10_text,
        lower(regexp_replace(CAST("azClaim" AS VARCHAR), '^[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '')) AS sg_f10_w,
        CAST("chargeback" AS VARCHAR) AS sg_f11_text,
        lower(regexp_replace(CAST("chargeback" AS VARCHAR), '^[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}\x{000A}\x{000B}\x{000C}\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '')) AS sg_f11_w,
        CAST("sku" AS VARCHAR) AS sg_f12_text,
        CAST("asin" AS VARCHAR) AS sg_f13_text,
        (date_diff('day', DATE '1970-01-01', CAST(? AS DATE)) * 86400000) AS sg_as_of_ms
      FROM "orders"
    ) AS sg_parts
  ) AS sg_typed
) AS sg_per_record
GROUP BY sg_k0, sg_k1

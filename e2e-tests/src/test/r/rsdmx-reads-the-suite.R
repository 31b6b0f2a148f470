# R rsdmx (Debian's r-cran-rsdmx) reading the suite through the gateway as an R user would: readSDMX on the
# SDMX REST 2.1 URLs rsdmx itself builds for a provider (trailing slash, providerRef 'all'), then the same
# through a registered SDMXServiceProvider, as docs/sdmx.md tells users to do.
#   Rscript rsdmx-reads-the-suite.R <gateway base URL> <output directory> <area> <series file>
# The series file is CSV with the columns flow, key and period: one series of every measure to read through its own
# dataflow.
# Prints one line per call, "CALL <name> OK" or "CALL <name> FAIL <message>", and writes what it read as CSV
# files into the output directory; RsdmxThroughGatewayTest compares them with the values it submitted.
# Exits 0 even when calls fail: the counting and the verdict are the Java test's.
suppressPackageStartupMessages(library(rsdmx))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 4) stop("usage: rsdmx-reads-the-suite.R <gateway URL> <output directory> <area> <series file>")
base <- paste0(args[[1]], "/sdmx/2.1")
out <- args[[2]]
area <- args[[3]]
series <- read.csv(args[[4]], colClasses = "character")
flow <- "PI09_DRUG_INDUCED_DEATHS"
dir.create(out, showWarnings = FALSE, recursive = TRUE)

call <- function(name, expr) {
  result <- tryCatch({
    force(expr)
    cat("CALL", name, "OK\n")
  }, error = function(e) {
    cat("CALL", name, "FAIL", gsub("[\r\n]+", " ", conditionMessage(e)), "\n")
  })
  invisible(result)
}

save <- function(frame, file) {
  if (is.null(frame) || nrow(frame) == 0) stop("nothing read for ", file)
  write.csv(frame, file.path(out, file), row.names = FALSE)
}

call("dataflows", {
  flows <- as.data.frame(readSDMX(paste0(base, "/dataflow/all/all/latest/")))
  save(flows[, intersect(c("id", "agencyID", "version", "Name.en", "dsdRef"), names(flows)), drop = FALSE], "dataflows.csv")
})

call("datastructure with its code lists", {
  dsd <- readSDMX(paste0(base, "/datastructure/DRUGS_PLAN/DSD_", flow, "/latest/?references=children"))
  dims <- slot(slot(slot(dsd, "datastructures")@datastructures[[1]], "Components"), "Dimensions")
  save(data.frame(id = sapply(dims, slot, "conceptRef"), codelist = sapply(dims, slot, "codelist")), "dimensions.csv")
  sex <- as.data.frame(slot(dsd, "codelists"), codelistId = "CL_SEX")
  save(sex[, intersect(c("id", "label.en", "name.en"), names(sex)), drop = FALSE], "codes-sex.csv")
})

call("codelist", {
  codes <- as.data.frame(readSDMX(paste0(base, "/codelist/DRUGS_PLAN/CL_AGE/latest/")))
  save(codes[, intersect(c("id", "label.en", "name.en"), names(codes)), drop = FALSE], "codes-age.csv")
})

data_columns <- function(frame) {
  keep <- intersect(c("REF_AREA", "SEX", "AGE", "obsTime", "obsValue", "OBS_STATUS"), names(frame))
  frame[, keep, drop = FALSE]
}

call("data by key", {
  save(data_columns(as.data.frame(readSDMX(paste0(base, "/data/", flow, "/", area, ".M.TOTAL/all/")))), "data-key.csv")
})

call("data with + and a time range", {
  url <- paste0(base, "/data/", flow, "/", area, ".M+F.TOTAL/all/?startPeriod=2016&endPeriod=2017")
  save(data_columns(as.data.frame(readSDMX(url))), "data-range.csv")
})

call("data with an empty key part", {
  save(data_columns(as.data.frame(readSDMX(paste0(base, "/data/", flow, "/", area, "..TOTAL/all/")))), "data-wildcard.csv")
})

call("data labelled with its structure (dsd = TRUE)", {
  url <- paste0(base, "/data/", flow, "/", area, ".F.TOTAL/all/")
  dsd <- readSDMX(paste0(base, "/datastructure/DRUGS_PLAN/DSD_", flow, "/latest/?references=children"))
  data <- readSDMX(url)
  setDSD(data, dsd)
  frame <- as.data.frame(data, labels = TRUE)
  save(frame[, intersect(c("REF_AREA", "SEX", "SEX_label.en", "obsTime", "obsValue"), names(frame)), drop = FALSE],
       "data-labelled.csv")
})

call("a registered provider: dataflows, structure and data by providerId", {
  provider <- SDMXServiceProvider(agencyId = "DRUGS_PLAN_TEST", name = "EU Action Plan on Drugs",
    builder = SDMXREST21RequestBuilder(regUrl = base, repoUrl = base, compliant = TRUE))
  addSDMXServiceProvider(provider)
  flows <- as.data.frame(readSDMX(providerId = "DRUGS_PLAN_TEST", resource = "dataflow"))
  if (!(flow %in% flows$id)) stop("dataflow ", flow, " not listed")
  readSDMX(providerId = "DRUGS_PLAN_TEST", resource = "datastructure", resourceId = paste0("DSD_", flow))
  data <- as.data.frame(readSDMX(providerId = "DRUGS_PLAN_TEST", resource = "data", flowRef = flow,
    key = paste0(area, ".M.TOTAL"), start = 2016, end = 2017))
  save(data_columns(data), "data-provider.csv")
})

call("one series of every measure, each through its own dataflow", {
  read <- do.call(rbind, lapply(seq_len(nrow(series)), function(i) {
    url <- paste0(base, "/data/", series$flow[[i]], "/", series$key[[i]], "/all/?startPeriod=", series$period[[i]],
                  "&endPeriod=", series$period[[i]])
    frame <- as.data.frame(readSDMX(url))
    data.frame(flow = series$flow[[i]], key = series$key[[i]], obsTime = frame$obsTime, obsValue = frame$obsValue)
  }))
  save(read, "every-measure.csv")
})

package com.qingke.scoring.model;

/** Where a prediction's probability comes from; shown to users so a prior is never passed off as a learned score. */
public enum ModelStatus {
    /** Too few closed deals (or only one outcome) to learn anything: the prediction is the prior. */
    COLD_START,
    /** A model was tried but did not beat the prior in internal cross-validation: the prediction is the prior. */
    NO_SIGNAL,
    /** The learned, calibrated model blended with the prior by sample size. */
    BLENDED
}

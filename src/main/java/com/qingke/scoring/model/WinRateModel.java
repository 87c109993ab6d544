package com.qingke.scoring.model;

/** Anything that turns an open deal or lead into an explained win probability. */
public interface WinRateModel {

    Prediction predict(Example example);

    ModelCard card();
}

/**
 * The Deeplearning4j trainers (MLP, CNN, LSTM) and the training knobs they share. The only package that
 * uses Deeplearning4j and ND4J; depends on trainer, data, trial, plugin and space.
 */
package org.sparksweep.trainer.dl4j;

package com.qingke.scoring.model;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealVector;

import java.util.List;

/**
 * L2-penalised (ridge) logistic regression fitted exactly by Newton's method (iteratively reweighted least squares),
 * with the linear solves done by commons-math3's Cholesky decomposition. It maximises
 * {@code Σ log-likelihood − λ/2 · ‖w‖²}; the intercept is not penalised, so the fitted base rate is unbiased.
 * <p>
 * Why not Tribuo's SGD trainer: in Tribuo 4.3.2 the L2 penalty of {@code AdaGradRDA} has no effect on linear models
 * (the weight matrix's iteration counter is never advanced, so weights came out identical for λ = 1 … 1000 in our
 * check), and {@code Pegasos} with the log-loss gave unstable fits on small samples. For tens of columns and
 * thousands of rows an exact Newton fit is fast, deterministic and needs no learning-rate tuning.
 */
final class PenalizedLogisticRegression {

    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-9;
    /** Keeps the intercept's Hessian entry positive even when every prediction is 0 or 1. */
    private static final double INTERCEPT_RIDGE = 1e-9;

    private PenalizedLogisticRegression() {
    }

    static LogisticCoefficients fit(List<double[]> rows, boolean[] won, double l2) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no training rows");
        }
        int d = rows.get(0).length;
        int p = d + 1; // last coefficient is the intercept
        double[] beta = new double[p];
        long positives = 0;
        for (boolean w : won) {
            positives += w ? 1 : 0;
        }
        // Starting from the smoothed base rate puts Newton close to the optimum when signal is weak.
        beta[d] = Math.log((positives + 0.5) / (won.length - positives + 0.5));
        double objective = penalisedLogLikelihood(rows, won, beta, l2);

        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[p];
            double[][] hessian = new double[p][p];
            for (int i = 0; i < rows.size(); i++) {
                double[] x = rows.get(i);
                double prob = Metrics.sigmoid(linear(x, beta));
                double residual = (won[i] ? 1 : 0) - prob;
                double weight = prob * (1 - prob);
                for (int a = 0; a < p; a++) {
                    double xa = a == d ? 1 : x[a];
                    if (xa == 0) {
                        continue;
                    }
                    gradient[a] += residual * xa;
                    for (int b = 0; b <= a; b++) {
                        double xb = b == d ? 1 : x[b];
                        hessian[a][b] += weight * xa * xb;
                    }
                }
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < a; b++) {
                    hessian[b][a] = hessian[a][b];
                }
                if (a < d) {
                    gradient[a] -= l2 * beta[a];
                    hessian[a][a] += l2;
                } else {
                    hessian[a][a] += INTERCEPT_RIDGE;
                }
            }
            double[] step = solve(hessian, gradient);
            double scale = 1.0;
            boolean improved = false;
            while (scale > 1e-10) {
                double[] candidate = new double[p];
                for (int a = 0; a < p; a++) {
                    candidate[a] = beta[a] + scale * step[a];
                }
                double candidateObjective = penalisedLogLikelihood(rows, won, candidate, l2);
                if (candidateObjective >= objective - 1e-12) {
                    double gain = candidateObjective - objective;
                    beta = candidate;
                    objective = candidateObjective;
                    improved = true;
                    if (gain < TOLERANCE * (1 + Math.abs(objective))) {
                        return coefficients(beta, d);
                    }
                    break;
                }
                scale /= 2;
            }
            if (!improved) {
                break;
            }
        }
        return coefficients(beta, d);
    }

    private static double[] solve(double[][] hessian, double[] gradient) {
        Array2DRowRealMatrix matrix = new Array2DRowRealMatrix(hessian, false);
        DecompositionSolver solver;
        try {
            solver = new CholeskyDecomposition(matrix).getSolver();
        } catch (NonPositiveDefiniteMatrixException e) {
            // Only possible with λ = 0 and collinear columns; LU still gives a usable direction.
            solver = new LUDecomposition(matrix).getSolver();
        }
        RealVector step = solver.solve(new ArrayRealVector(gradient, false));
        return step.toArray();
    }

    private static double linear(double[] x, double[] beta) {
        int d = x.length;
        double z = beta[d];
        for (int j = 0; j < d; j++) {
            z += beta[j] * x[j];
        }
        return z;
    }

    private static double penalisedLogLikelihood(List<double[]> rows, boolean[] won, double[] beta, double l2) {
        double sum = 0;
        for (int i = 0; i < rows.size(); i++) {
            double z = linear(rows.get(i), beta);
            // log σ(z) = −softplus(−z), log(1 − σ(z)) = −softplus(z)
            sum -= won[i] ? softplus(-z) : softplus(z);
        }
        double penalty = 0;
        for (int j = 0; j < beta.length - 1; j++) {
            penalty += beta[j] * beta[j];
        }
        return sum - l2 / 2 * penalty;
    }

    private static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    private static LogisticCoefficients coefficients(double[] beta, int d) {
        Double[] weights = new Double[d];
        for (int j = 0; j < d; j++) {
            weights[j] = beta[j];
        }
        return new LogisticCoefficients(beta[d], List.of(weights));
    }
}

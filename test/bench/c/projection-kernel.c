/*
 * The reference for test/bench/projection.bench.ts: the banded roll-rate kernel of
 * engine/project/kernel-banded.ts (with installment.ts and engine/schedule) written in C, doing the
 * same arithmetic in the same order per loan-month on the same synthetic pool, so the bench can
 * state how much CPU the JavaScript kernel costs over compiled code. Covers what the bench's
 * assumptions use: banded matrices, plain penalty (no 复利, no cap), 30/360 (a level installment
 * computed once per loan), no event stresses; projection-reference.ts checks the segments are so.
 *
 *   cc -O2 -ffp-contract=off -o kernel projection-kernel.c -lm
 *   ./kernel PARAMS LOANS RUNS   → one JSON line: cpuSeconds (best run), figures to compare
 *
 * PARAMS: float64s, written by projection-reference.ts (writeParams). LOANS: the LoanArrays'
 * typed arrays back to back. Floating point: -ffp-contract=off keeps a*b+c two roundings, as in JS.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define RATES 41
enum { P00, P01, P05, C1, K1, F1, X1, C2, B2, BP2, BC2, K2, F2, X2, C3, B3, BP3, BC3, K3, F3, X3,
       C4, B4, BP4, BC4, K4, F4, X4, C5, B5, BP5, BC5, K5, F5, X5, C6, B6, BP6, BC6, K6, X6 };

typedef struct {
  double strip, recoveryRate, penaltyMultiple;
  int lag, defaultsFirst, smmByAge, mdrByAge, waiveRestructured;
  double due[RATES], matured[RATES];
  double *yf, *smm, *mdr;
} Segment;

typedef struct {
  int months;
  double *scheduledInterest, *interestCollected, *penaltyInterest, *penaltyForgone, *scheduledPrincipal, *prepayments;
  double *defaults, *losses, *servicingFee, *recoveries, *stateBalance, *overduePrincipal, *overdueInterest;
} Acc;

typedef struct {
  int n;
  double *cur, *orig, *rate, *overdueP, *overdueI, *restructured;
  uint16_t *originalTerm, *remainingTerm, *age;
  uint8_t *amortization, *delinquency, *segment;
} Loans;

enum { LEVEL_PAYMENT = 0, EQUAL_PRINCIPAL = 1, INTEREST_ONLY = 2, FLAT_FEE = 3 };
static int LEVEL = LEVEL_PAYMENT, EQUAL = EQUAL_PRINCIPAL, FLAT = FLAT_FEE;
static double tailTolerance;

/* engine/schedule/level-payment.ts */
static double levelPayment(double balance, double r, int n) {
  if (n <= 1) return n == 1 ? balance * (1 + r) : balance;
  if (r == 0) return balance / n;
  double discount = r < 1e-3 ? -expm1(-n * log1p(r)) : 1 - pow(1 + r, -n);
  return discount == 0 ? balance / n : balance * (r / discount);
}

/* installment.ts monthInstallment on 30/360 (the level installment fixed at cutoff). */
static inline void installment(int type, double u, int remaining, double rateAnnual, double yf, double feeUnit, double level, double *iu, double *spu) {
  if (remaining < 1) { *iu = 0; *spu = 0; return; }
  if (type == FLAT) { *iu = feeUnit; *spu = remaining <= 1 ? u : u / remaining; return; }
  double interest = u * rateAnnual * yf;
  *iu = interest;
  if (type == LEVEL) {
    if (remaining <= 1) { *spu = u; return; }
    double p = level - interest;
    *spu = p <= 0 ? 0 : p >= u ? u : p;
  } else if (type == EQUAL) {
    *spu = remaining <= 1 ? u : u / remaining;
  } else {
    *spu = remaining <= 1 ? u : 0;
  }
}

/* Books shared by the due and matured months (kernel-banded.ts, end of each month). */
static inline void bookFlows(Acc *acc, int k, double interest, double penalty, double forgone, double principal, double prepaid, double defaulted, const Segment *s) {
  acc->interestCollected[k] += interest;
  acc->penaltyInterest[k] += penalty;
  if (forgone > 0) acc->penaltyForgone[k] += forgone;
  acc->scheduledPrincipal[k] += principal;
  acc->prepayments[k] += prepaid;
  if (defaulted > 0) {
    acc->defaults[k] += defaulted;
    acc->losses[k] += defaulted * (1 - s->recoveryRate);
    acc->recoveries[k + s->lag] += defaulted * s->recoveryRate;
  }
}

/* One delinquent bucket's moves (kernel-banded.ts: cure, back, keep, forward, charge-off) with the
 * installment per unit (iu, spu, u); matured = 1 leaves out the terms that are exact zeros after
 * maturity and guards keep, as projectMaturedBandedInto does. */
#define BUCKET(S, CC, BB, BP, BC, KK, FF, XX, HASBACK, HASFWD)                         \
  if (m[S] > 0) {                                                                       \
    if (!matured) {                                                                     \
      double cure = m[S] * r[CC];                                                       \
      interest += cure * iu + r[CC] * d[S];                                             \
      principal += cure * spu + r[CC] * o[S];                                           \
    } else {                                                                            \
      interest += r[CC] * d[S];                                                         \
      principal += r[CC] * o[S];                                                        \
    }                                                                                   \
    penalty += r[CC] * a[S];                                                            \
    n[0] += m[S] * r[CC];                                                               \
    if (HASBACK && r[BB] > 0) {                                                         \
      if (!matured) {                                                                   \
        double back = m[S] * r[BB];                                                     \
        interest += back * iu + r[BP] * d[S];                                           \
        principal += back * spu + r[BP] * o[S];                                         \
      } else {                                                                          \
        interest += r[BP] * d[S];                                                       \
        principal += r[BP] * o[S];                                                      \
      }                                                                                 \
      penalty += r[BP] * a[S];                                                          \
      n[S - 1] += m[S] * r[BB];                                                         \
      no[S - 1] += r[BC] * o[S];                                                        \
      nd[S - 1] += r[BC] * d[S];                                                        \
      na[S - 1] += r[BC] * a[S];                                                        \
    }                                                                                   \
    if (!matured || r[KK] > 0) {                                                        \
      double keep = m[S] * r[KK];                                                       \
      if (!matured) { interest += keep * iu; principal += keep * spu; }                 \
      n[S] += keep;                                                                     \
      no[S] += r[KK] * o[S];                                                            \
      nd[S] += r[KK] * d[S];                                                            \
      na[S] += r[KK] * a[S];                                                            \
    }                                                                                   \
    if (HASFWD) {                                                                       \
      double forward = m[S] * r[FF];                                                    \
      n[S + 1] += forward;                                                              \
      if (!matured) {                                                                   \
        no[S + 1] += r[FF] * o[S] + forward * spu;                                      \
        nd[S + 1] += r[FF] * d[S] + forward * iu;                                       \
      } else {                                                                          \
        no[S + 1] += r[FF] * o[S];                                                      \
        nd[S + 1] += r[FF] * d[S];                                                      \
      }                                                                                 \
      na[S + 1] += r[FF] * a[S];                                                        \
    }                                                                                   \
    if (r[XX] > 0) {                                                                    \
      double off = m[S] * r[XX];                                                        \
      n[7] += off;                                                                      \
      defaulted += matured ? r[XX] * o[S] : off * u + r[XX] * o[S];                     \
    }                                                                                   \
  }

/* One loan's state between months (kernel-banded.ts's locals). */
typedef struct {
  double m[8], o[7], d[7], a[7];
  double u, loanBalance;
} LoanState;

typedef struct {
  int type, remainingTerm, smmOffset, mdrOffset;
  double rateAnnual, feeUnit, level, penaltyRate, stopAt;
} LoanTerms;

/* Month k of one loan; `matured` is a constant at each call, so the compiler builds the due-month
 * and matured-month loops apart, as kernel-banded.ts writes them apart. Returns 1 when the loan
 * owes nothing any more (matured months only). */
static inline __attribute__((always_inline)) int month(LoanState *st, const LoanTerms *t, const Segment *s, Acc *acc, int k, const int matured) {
  double *m = st->m, *o = st->o, *d = st->d, *a = st->a;
  const double *r = matured ? s->matured : s->due;
  double u = st->u;
  double yf = s->yf[k];
  double iu = 0, spu = 0;
  if (!matured) installment(t->type, u, t->remainingTerm - k, t->rateAnnual, yf, t->feeUnit, t->level, &iu, &spu);
  acc->servicingFee[k] += s->strip * yf * st->loanBalance;
  if (!matured) acc->scheduledInterest[k] += (m[0] + m[1] + m[2] + m[3] + m[4] + m[5] + m[6]) * iu;
  if (t->penaltyRate > 0) {
    double accrual = t->penaltyRate * yf;
    for (int b = 1; b < 7; b++) a[b] += accrual * o[b];
  }
  double interest = 0, principal = 0, penalty = 0, defaulted = 0, prepaid = 0;
  double n[8] = {0, 0, 0, 0, 0, 0, 0, m[7]}, no[7] = {0}, nd[7] = {0}, na[7] = {0};
  if (!matured) {
    double stay = m[0] * r[P00];
    if (stay > 0) {
      double after = u - spu;
      double defaultMass = stay * s->mdr[t->mdrOffset + k];
      double paying = s->defaultsFirst ? stay - defaultMass : stay;
      interest += paying * iu;
      principal += paying * spu;
      defaulted += defaultMass * (s->defaultsFirst ? u : after);
      n[7] += defaultMass;
      double rest = stay - defaultMass;
      double prepayMass = rest * s->smm[t->smmOffset + k];
      prepaid += prepayMass * after;
      n[0] += rest - prepayMass;
    }
    if (m[0] > 0) {
      double miss = m[0] * r[P01];
      n[1] += miss;
      no[1] += miss * spu;
      nd[1] += miss * iu;
      if (r[P05] > 0) { double off = m[0] * r[P05]; n[7] += off; defaulted += off * u; }
    }
  }
  BUCKET(1, C1, C1, C1, C1, K1, F1, X1, 0, 1)
  BUCKET(2, C2, B2, BP2, BC2, K2, F2, X2, 1, 1)
  BUCKET(3, C3, B3, BP3, BC3, K3, F3, X3, 1, 1)
  BUCKET(4, C4, B4, BP4, BC4, K4, F4, X4, 1, 1)
  BUCKET(5, C5, B5, BP5, BC5, K5, F5, X5, 1, 1)
  BUCKET(6, C6, B6, BP6, BC6, K6, X6, X6, 1, 0)
  memcpy(m, n, sizeof n);
  memcpy(o, no, sizeof no);
  memcpy(d, nd, sizeof nd);
  memcpy(a, na, sizeof na);
  double ending, overdueInterest = d[1] + d[2] + d[3] + d[4] + d[5] + d[6];
  double *sb = acc->stateBalance;
  int row = k * 5;
  if (!matured) {
    double uEnd = u - spu;
    st->u = uEnd;
    double b0 = m[0] * uEnd, b1 = m[1] * uEnd + o[1], b2 = m[2] * uEnd + o[2], b3 = m[3] * uEnd + o[3];
    double b4 = (m[4] + m[5] + m[6]) * uEnd + o[4] + o[5] + o[6];
    sb[row] += b0; sb[row + 1] += b1; sb[row + 2] += b2; sb[row + 3] += b3; sb[row + 4] += b4;
    ending = b0 + b1 + b2 + b3 + b4;
  } else {
    double b4 = o[4] + o[5] + o[6];
    sb[row + 1] += o[1]; sb[row + 2] += o[2]; sb[row + 3] += o[3]; sb[row + 4] += b4;
    ending = o[1] + o[2] + o[3] + b4;
  }
  acc->overduePrincipal[k] += o[1] + o[2] + o[3] + o[4] + o[5] + o[6];
  acc->overdueInterest[k] += overdueInterest;
  bookFlows(acc, k, interest, penalty, 0, principal, prepaid, defaulted, s);
  st->loanBalance = ending;
  /* ProjectionOptions.tailTolerance: stop once what is owed is at or below tolerance × cutoff balance. */
  return matured && ending + overdueInterest + (a[1] + a[2] + a[3] + a[4] + a[5] + a[6]) <= t->stopAt;
}

/* kernel-banded.ts projectBandedLoanInto + projectMaturedBandedInto, without a trace. */
static void projectLoan(const Loans *L, int i, const Segment *s, Acc *acc, long *loanMonths) {
  const int months = acc->months;
  double cutoffBalance = L->cur[i];
  int state0 = L->delinquency[i];
  if (state0 == 7) {
    acc->defaults[0] += cutoffBalance;
    acc->losses[0] += cutoffBalance * (1 - s->recoveryRate);
    acc->recoveries[s->lag] += cutoffBalance * s->recoveryRate;
    return;
  }
  double overdue0 = state0 == 0 ? 0 : L->overdueP[i];
  double overdueI0 = state0 == 0 ? 0 : L->overdueI[i];
  LoanState st = {{0}};
  st.m[state0] = 1;
  for (int b = 1; b < 7; b++) { st.o[b] = st.m[b] * overdue0; st.d[b] = st.m[b] * overdueI0; }
  /* installmentPlan */
  LoanTerms t;
  t.stopAt = tailTolerance * cutoffBalance;
  t.rateAnnual = L->rate[i];
  t.type = L->amortization[i];
  t.remainingTerm = L->remainingTerm[i] < 1 ? 1 : L->remainingTerm[i];
  double rateMonthly = t.rateAnnual / 12;
  st.u = cutoffBalance - overdue0;
  st.loanBalance = cutoffBalance;
  t.feeUnit = 0;
  if (t.type == FLAT) {
    int nOrig = L->originalTerm[i];
    double flat = levelPayment(1, rateMonthly, nOrig) - 1.0 / nOrig;
    t.feeUnit = L->orig[i] * (flat > 0 ? flat : 0);
  }
  t.level = t.type == LEVEL ? levelPayment(st.u, rateMonthly, t.remainingTerm) : 0;
  int age = L->age[i];
  t.smmOffset = s->smmByAge ? age : 0;
  t.mdrOffset = s->mdrByAge ? age : 0;
  t.penaltyRate = s->penaltyMultiple * t.rateAnnual;
  if (s->waiveRestructured && L->restructured[i] != 0) t.penaltyRate = t.penaltyRate * (1 - L->restructured[i]);
  int dueMonths = t.remainingTerm < months ? t.remainingTerm : months;
  int k = 0;
  for (; k < dueMonths; k++) month(&st, &t, s, acc, k, 0);
  for (; k < months; k++) {
    if (month(&st, &t, s, acc, k, 1)) { k++; break; }
  }
  *loanMonths += k;
}

static double *cursor;
static double next(void) { return *cursor++; }

static void *readAll(const char *path, long *size) {
  FILE *f = fopen(path, "rb");
  if (!f) { fprintf(stderr, "cannot open %s\n", path); exit(2); }
  fseek(f, 0, SEEK_END);
  *size = ftell(f);
  fseek(f, 0, SEEK_SET);
  void *buf = malloc(*size);
  if (fread(buf, 1, *size, f) != (size_t)*size) { fprintf(stderr, "short read %s\n", path); exit(2); }
  fclose(f);
  return buf;
}

static double cpuNow(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  if (argc < 4) { fprintf(stderr, "usage: kernel PARAMS LOANS RUNS\n"); return 2; }
  long size;
  cursor = readAll(argv[1], &size);
  int loans = (int)next(), months = (int)next(), segments = (int)next(), maxLag = (int)next();
  LEVEL = (int)next(); EQUAL = (int)next(); FLAT = (int)next();
  tailTolerance = next();
  Segment *seg = calloc(segments, sizeof(Segment));
  for (int s = 0; s < segments; s++) {
    seg[s].strip = next(); seg[s].recoveryRate = next(); seg[s].penaltyMultiple = next();
    seg[s].lag = (int)next(); seg[s].defaultsFirst = (int)next(); seg[s].smmByAge = (int)next();
    seg[s].mdrByAge = (int)next(); seg[s].waiveRestructured = (int)next();
    for (int j = 0; j < RATES; j++) seg[s].due[j] = next();
    for (int j = 0; j < RATES; j++) seg[s].matured[j] = next();
    seg[s].yf = cursor; cursor += months;
    int smmLen = (int)next(); seg[s].smm = cursor; cursor += smmLen;
    int mdrLen = (int)next(); seg[s].mdr = cursor; cursor += mdrLen;
  }
  char *raw = readAll(argv[2], &size);
  Loans L = { .n = loans };
  L.cur = (double *)raw; L.orig = L.cur + loans; L.rate = L.orig + loans; L.overdueP = L.rate + loans;
  L.overdueI = L.overdueP + loans; L.restructured = L.overdueI + loans;
  L.originalTerm = (uint16_t *)(L.restructured + loans); L.remainingTerm = L.originalTerm + loans; L.age = L.remainingTerm + loans;
  L.amortization = (uint8_t *)(L.age + loans); L.delinquency = L.amortization + loans; L.segment = L.delinquency + loans;

  int runs = atoi(argv[3]);
  double best = 1e300, cutoff = 0, ending = 0, interest = 0, defaults = 0, prepaid = 0;
  long loanMonths = 0;
  for (int run = 0; run < runs; run++) {
    double started = cpuNow();
    Acc acc = { .months = months };
    double *block = calloc((size_t)months * 17 + maxLag, sizeof(double));
    double **cols[] = { &acc.scheduledInterest, &acc.interestCollected, &acc.penaltyInterest, &acc.penaltyForgone, &acc.scheduledPrincipal,
                        &acc.prepayments, &acc.defaults, &acc.losses, &acc.servicingFee, &acc.overduePrincipal, &acc.overdueInterest };
    for (int c = 0; c < 11; c++) *cols[c] = block + (size_t)c * months;
    acc.stateBalance = block + (size_t)11 * months;
    acc.recoveries = block + (size_t)16 * months;
    cutoff = 0;
    loanMonths = 0;
    for (int i = 0; i < loans; i++) {
      cutoff += L.cur[i];
      projectLoan(&L, i, &seg[L.segment[i]], &acc, &loanMonths);
    }
    double cpu = cpuNow() - started;
    if (cpu < best) best = cpu;
    ending = 0;
    for (int b = 0; b < 5; b++) ending += acc.stateBalance[(months - 1) * 5 + b];
    interest = defaults = prepaid = 0;
    for (int k = 0; k < months; k++) { interest += acc.interestCollected[k]; defaults += acc.defaults[k]; prepaid += acc.prepayments[k]; }
    free(block);
  }
  printf("{\"cpuSeconds\":%.6f,\"loanMonths\":%ld,\"cutoffBalance\":%.17g,\"endingBalance\":%.17g,\"interestCollected\":%.17g,\"defaults\":%.17g,\"prepayments\":%.17g}\n",
         best, loanMonths, cutoff, ending, interest, defaults, prepaid);
  return 0;
}

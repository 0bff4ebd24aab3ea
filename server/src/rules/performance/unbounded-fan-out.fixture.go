package sync

import (
	"context"
	"sync"

	"golang.org/x/sync/errgroup"
)

func RefreshAll(ctx context.Context, ids []string) {
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		// ruleid: unbounded-fan-out
		go func(id string) {
			defer wg.Done()
			_ = refresh(ctx, id)
		}(id)
	}
	wg.Wait()
}

func Consume(jobs <-chan Job) {
	for job := range jobs {
		// ruleid: unbounded-fan-out
		go handle(job)
	}
}

func Notify(users []User) {
	for i := 0; i < len(users); i++ {
		// ruleid: unbounded-fan-out
		go sendEmail(users[i])
	}
}

func RefreshLimited(ctx context.Context, ids []string) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(16)
	for _, id := range ids {
		// ok: unbounded-fan-out
		g.Go(func() error { return refresh(ctx, id) })
	}
	return g.Wait()
}

func Pool(ctx context.Context, jobs <-chan Job, workers int) {
	for i := 0; i < workers; i++ {
		// ok: unbounded-fan-out
		go func() {
			for j := range jobs {
				handle(j)
			}
		}()
	}
}

func Semaphore(ids []string) {
	sem := make(chan struct{}, 8)
	for _, id := range ids {
		sem <- struct{}{}
		// ok: unbounded-fan-out
		go func(id string) {
			defer func() { <-sem }()
			_ = refresh(context.Background(), id)
		}(id)
	}
	for _, name := range []string{"metrics", "tracing"} {
		// ok: unbounded-fan-out
		go start(name)
	}
}

package web

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"
)

func login(w http.ResponseWriter, r *http.Request) {
	// ruleid: open-redirect
	http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusFound)
}

func logout(w http.ResponseWriter, r *http.Request) {
	target := r.FormValue("return_to")
	// ruleid: open-redirect
	http.Redirect(w, r, target, http.StatusSeeOther)
}

func ginLogin(c *gin.Context) {
	// ruleid: open-redirect
	c.Redirect(http.StatusFound, c.Query("redirect"))
}

func order(w http.ResponseWriter, r *http.Request) {
	// ok: open-redirect
	http.Redirect(w, r, "/orders/"+r.URL.Query().Get("id"), http.StatusFound)
}

func checked(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	u, err := url.Parse(next)
	if err != nil || u.Host != "" {
		next = "/"
	}
	// ok: open-redirect
	http.Redirect(w, r, next, http.StatusFound)
}

func home(w http.ResponseWriter, r *http.Request) {
	// ok: open-redirect
	http.Redirect(w, r, "/", http.StatusFound)
}

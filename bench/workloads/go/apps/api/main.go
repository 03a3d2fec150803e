// api: a gin service that renders its SQL with gorm (postgres dialect, pgx driver, DryRun: no
// database needed to answer) and logs with zap.
package main

import (
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// Greeting is one stored greeting.
type Greeting struct {
	ID   uint   `gorm:"primaryKey" json:"id"`
	Text string `json:"text"`
}

func main() {
	logger, _ := zap.NewProduction()
	defer logger.Sync()
	dsn := os.Getenv("DATABASE_URL")
	if dsn == "" {
		dsn = "postgres://api@localhost:5432/api"
	}
	db, err := gorm.Open(postgres.Open(dsn), &gorm.Config{DryRun: true, DisableAutomaticPing: true})
	if err != nil {
		logger.Fatal("open database", zap.Error(err))
	}
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.GET("/health", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"status": "ok"}) })
	r.GET("/greet/:name", func(c *gin.Context) {
		g := Greeting{Text: "Hello, " + c.Param("name")}
		sql := db.ToSQL(func(tx *gorm.DB) *gorm.DB { return tx.Create(&g) })
		logger.Info("greeted", zap.String("name", c.Param("name")))
		c.JSON(http.StatusOK, gin.H{"greeting": g.Text, "sql": sql})
	})
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	logger.Info("api listening", zap.String("port", port))
	if err := r.Run(":" + port); err != nil {
		logger.Fatal("serve", zap.Error(err))
	}
}
